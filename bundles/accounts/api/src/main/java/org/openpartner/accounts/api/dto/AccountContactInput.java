package org.openpartner.accounts.api.dto;

/** A new contact of an account: a name, and optionally a title, a mobile number and an email address. */
public record AccountContactInput(String name, String title, String mobile, String email) {
}
