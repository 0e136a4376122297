package org.openpartner.accounts.internal.rest;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.openpartner.accounts.api.AccountService;
import org.openpartner.accounts.api.dto.Account;
import org.openpartner.accounts.api.dto.AccountContact;
import org.openpartner.accounts.api.dto.AccountContactInput;
import org.openpartner.accounts.api.dto.AccountInput;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/accounts}: customer accounts and their contacts, for upstream and downstream users alike. Partner
 * and related teams are under {@code /records/account/{id}/...}, pooled accounts under {@code /pooled/account/{id}}.
 */
@Component(service = RestResource.class)
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource implements RestResource {

    private final AccountService accounts;

    @Activate
    public AccountResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    public Response create(@Context CallContext caller, AccountInput body) {
        Account created = accounts.create(caller, body);
        return Response.created(URI.create("accounts/" + created.id())).entity(created).build();
    }

    /** The accounts the caller may read, newest first; {@code ?pool=<id>} narrows them to one account pool. */
    @GET
    public Page<Account> list(@Context CallContext caller, @QueryParam("pool") String pool,
                              @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("cursor") String cursor) {
        return accounts.list(caller, pool == null || pool.isBlank() ? null : pool.strip(),
            new PageRequest(limit, cursor, null));
    }

    @GET
    @Path("{id}")
    public Account get(@Context CallContext caller, @PathParam("id") String id) {
        return accounts.get(caller, id);
    }

    @PUT
    @Path("{id}")
    public Account update(@Context CallContext caller, @PathParam("id") String id, AccountInput body) {
        return accounts.update(caller, id, body);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context CallContext caller, @PathParam("id") String id) {
        accounts.delete(caller, id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/contacts")
    public List<AccountContact> contacts(@Context CallContext caller, @PathParam("id") String id) {
        return accounts.contacts(caller, id);
    }

    @POST
    @Path("{id}/contacts")
    public Response addContact(@Context CallContext caller, @PathParam("id") String id, AccountContactInput body) {
        AccountContact added = accounts.addContact(caller, id, body);
        return Response.created(URI.create("accounts/" + id + "/contacts/" + added.id())).entity(added).build();
    }
}
