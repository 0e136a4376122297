#!/usr/bin/env bash
# Builds the distribution if needed, unpacks it under karaf-distribution/target/demo and starts it in the
# foreground on embedded Derby. On the first start it loads demo data through the REST API, as a user would:
# one upstream enterprise, its admin, a channel manager, 20 partners with contacts, five of them connected
# companies in a 3-level channel with one data scope each, announcements, leads in pools, accounts (shared and in
# an account pool) and a business-info data set. Ctrl-C stops it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
version=0.1.0-SNAPSHOT
archive="$here/target/openpartner-distribution-$version.tar.gz"
home="$here/target/demo/openpartner-distribution-$version"
port="${OPENPARTNER_HTTP_PORT:-8181}"
api="http://localhost:$port/api/v1"
admin_password=openpartner-admin
demo_password=demo-password-1

bash "$root/.ci/prerequisites"
if [ ! -f "$archive" ]; then
  echo "Building OpenPartner (first run only)..."
  (cd "$root" && mvn -B -ntp -q install -DskipTests)
fi
if [ ! -d "$home" ]; then
  mkdir -p "$here/target/demo"
  tar xzf "$archive" -C "$here/target/demo"
  # A console user for bin/client (see README, "Console").
  printf 'karaf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n' >> "$home/etc/users.properties"
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
fi

json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -1; }
# The id of a created record: its answer's first field (json_field finds the last "id", a pool's member's).
record_id() { sed -n 's/^{"id":"\([^"]*\)".*/\1/p'; }
post() { curl -sf -H 'Content-Type: application/json' ${2:+-H "Authorization: Bearer $2"} -d "$3" "$api$1"; }

seed() {
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "$api/health" && break
    sleep 1
  done
  local admin_token acme_token manager_id partner_id acme_id i connected_ids="" partner_ids=() company_ids=()
  admin_token=$(post /auth/login "" "{\"login\":\"admin\",\"password\":\"$admin_password\"}" | json_field token)
  if post /auth/login "" "{\"login\":\"acme-admin\",\"password\":\"$demo_password\"}" >/dev/null 2>&1; then
    echo "Demo data already loaded."
  else
    echo "Loading demo data..."
    post /enterprises "$admin_token" "{\"name\":\"Acme Industrial\",\"admin\":{\"loginName\":\"acme-admin\",\"name\":\"Avery Admin\",\"email\":\"avery@acme.example\",\"password\":\"$demo_password\"}}" >/dev/null
    acme_token=$(post /auth/login "" "{\"login\":\"acme-admin\",\"password\":\"$demo_password\"}" | json_field token)
    curl -sf -X POST -H "Authorization: Bearer $acme_token" "$api/partner/enable" >/dev/null
    manager_id=$(post /users "$acme_token" "{\"loginName\":\"channel.manager\",\"name\":\"Casey Channel\",\"mobile\":\"+14155550100\",\"password\":\"$demo_password\"}" | json_field id)
    curl -sf -X PUT -H "Authorization: Bearer $acme_token" "$api/users/$manager_id/roles/channel-manager" >/dev/null
    local names=(Northwind Contoso Fabrikam Tailspin Litware Proseware Adatum Woodgrove Wingtip Fourth\ Coffee
                 Lucerne Alpine\ Ski Blue\ Yonder Coho Humongous Margie Trey Wide\ World Southridge Graphic\ Design)
    local types=(distributor dealer agent dealer) levels=(national level-1 level-2 level-1) regions=(North South East West)
    for i in "${!names[@]}"; do
      partner_id=$(post /partners "$acme_token" "{\"name\":\"${names[$i]} Partners\",\"type\":\"${types[$((i % 4))]}\",\"level\":\"${levels[$((i % 4))]}\",\"region\":\"${regions[$((i % 4))]}\",\"ownerUserId\":\"$manager_id\",\"tags\":[\"demo\"]}" | json_field id)
      post "/partners/$partner_id/contacts" "$acme_token" "{\"name\":\"${names[$i]} Owner\",\"mobile\":\"+1415555$(printf '%04d' $((200 + i)))\",\"email\":\"owner@partner$i.example\",\"position\":\"Owner\",\"systemAdmin\":true}" >/dev/null
      post "/partners/$partner_id/contacts" "$acme_token" "{\"name\":\"${names[$i]} Sales\",\"mobile\":\"+1415555$(printf '%04d' $((300 + i)))\",\"position\":\"Sales\"}" >/dev/null
      # The first five partners are connected companies: their contacts become external users of Acme.
      if [ "$i" -lt 5 ]; then
        company_ids+=("$(post /connections "$acme_token" "{\"partnerId\":\"$partner_id\",\"initialPassword\":\"$demo_password\"}" | json_field companyId)")
        partner_ids+=("$partner_id")
        connected_ids="$connected_ids${connected_ids:+,}\"$partner_id\""
      fi
    done
    # A 3-level channel: Northwind (distributor) > Contoso (dealer) > Fabrikam (agent); parents read what is below.
    put() { curl -sf -X PUT -H 'Content-Type: application/json' -H "Authorization: Bearer $2" -d "$3" "$api$1"; }
    put "/partners/${partner_ids[1]}/parent" "$acme_token" "{\"parentPartnerId\":\"${partner_ids[0]}\"}" >/dev/null
    put "/partners/${partner_ids[2]}/parent" "$acme_token" "{\"parentPartnerId\":\"${partner_ids[1]}\"}" >/dev/null
    # One data scope per connected company on partner records (Private is the default: Northwind).
    local scopes=(PRIVATE COMPANY_READ_ONLY COMPANY_READ_WRITE PUBLIC_READ_ONLY PUBLIC_READ_WRITE)
    for i in 1 2 3 4; do
      put /access/scopes/partner "$acme_token" "{\"scope\":\"${scopes[$i]}\",\"companyIds\":[\"${company_ids[$i]}\"]}" >/dev/null
    done
    # Announcements for the connected companies.
    post /announcements "$acme_token" '{"title":"Spring promotion","body":"10 % off all routers until the end of May.","pinned":true}' >/dev/null
    post /announcements "$acme_token" '{"title":"New price list","body":"The June price list is in the portal."}' >/dev/null
    post /apps/announcements/enablement "$acme_token" "{\"partnerIds\":[$connected_ids],\"enabled\":true}" >/dev/null
    # Leads the upstream brought in from a trade show (CSV import, as a channel manager would).
    printf 'Name,Company,Email,Source,Region,Industry\r\n%s\r\n%s\r\n%s\r\n' \
      'Dana Buyer,Globex,dana@globex.example,Trade show,West,Retail' \
      'Eli Planner,Initech,eli@initech.example,Trade show,North,Manufacturing' \
      'Fay Owner,Umbrella Shops,fay@umbrella.example,Website,South,Retail' |
      curl -sf -H 'Content-Type: text/csv' -H "Authorization: Bearer $acme_token" --data-binary @- "$api/leads/import" >/dev/null
    # Pools: every dealer may claim two leads at a time (ten a day) from "Trade show West", whose contact details
    # stay hidden until claimed; leads dealers submit go to "Submitted by partners" for the upstream to assign.
    local pool_id lead_id
    pool_id=$(post /pools "$acme_token" '{"name":"Trade show West","object":"lead","members":[{"kind":"ROLE","id":"dealer-personnel"}],"hiddenUntilClaimed":["mobile","email"],"rules":{"userHoldingCap":2,"dailyClaimLimit":10,"cooldownHours":24}}' | record_id)
    post /pools "$acme_token" '{"name":"Submitted by partners","object":"lead","mode":"ADMIN_ASSIGN","redistribution":true}' >/dev/null
    for lead in 'Gil Hardware|+14155550401|West' 'Hana Electric|+14155550402|West' 'Ivo Builders|+14155550403|North'; do
      lead_id=$(post /leads "$acme_token" "{\"name\":\"${lead%%|*}\",\"mobile\":\"$(echo "$lead" | cut -d'|' -f2)\",\"region\":\"${lead##*|}\",\"source\":\"Trade show\"}" | json_field id)
      put "/pooled/lead/$lead_id" "$acme_token" "{\"poolId\":\"$pool_id\",\"reason\":\"trade show\"}" >/dev/null
    done
    # Website leads are handed out by a distribution rule, in turn to Tailspin and Litware; explain says why.
    pool_id=$(post /pools "$acme_token" '{"name":"Website leads","object":"lead","mode":"ADMIN_ASSIGN"}' | record_id)
    put "/pools/$pool_id/rules" "$acme_token" "[{\"name\":\"Website leads in turn\",\"strategy\":\"ROUND_ROBIN\",\"conditions\":[{\"field\":\"source\",\"operator\":\"IN\",\"values\":[\"Website\"]}],\"targets\":[{\"kind\":\"COMPANY\",\"id\":\"${company_ids[3]}\"},{\"kind\":\"COMPANY\",\"id\":\"${company_ids[4]}\"}]}]" >/dev/null
    for lead in 'Jo Install|+14155550404|West' 'Kim Solar|+14155550405|South'; do
      lead_id=$(post /leads "$acme_token" "{\"name\":\"${lead%%|*}\",\"mobile\":\"$(echo "$lead" | cut -d'|' -f2)\",\"region\":\"${lead##*|}\",\"source\":\"Website\"}" | json_field id)
      put "/pooled/lead/$lead_id" "$acme_token" "{\"poolId\":\"$pool_id\",\"reason\":\"website form\"}" >/dev/null
    done
    # Accounts: the business-info data set dealers look customers up in, two customers that Northwind and Contoso
    # work together (their partner team), and "Key accounts" that dealers claim, registration ids hidden until then.
    printf 'Tax ID,Company Name,Industry,Region,Address\r\n%s\r\n%s\r\n%s\r\n%s\r\n' \
      'US-94-1000001,Globex Corporation,Manufacturing,West,100 Globex Way' \
      'US-94-1000002,Initech,Software,North,4120 Freidrich Ln' \
      'US-94-1000003,Umbrella Shops,Retail,South,1 Raccoon St' \
      'US-94-1000004,Vandelay Industries,Import/Export,East,129 W 81st St' |
      curl -sf -H 'Content-Type: text/csv' -H "Authorization: Bearer $acme_token" --data-binary @- "$api/business-info/import" >/dev/null
    local account_id
    for account in 'Globex Corporation|US-94-1000001|West' 'Initech|US-94-1000002|North'; do
      account_id=$(post /accounts "$acme_token" "{\"name\":\"${account%%|*}\",\"registrationId\":\"$(echo "$account" | cut -d'|' -f2)\",\"region\":\"${account##*|}\"}" | record_id)
      for i in 0 1; do
        post "/records/account/$account_id/partners" "$acme_token" "{\"companyId\":\"${company_ids[$i]}\",\"access\":\"WRITE\"}" >/dev/null
      done
    done
    pool_id=$(post /pools "$acme_token" '{"name":"Key accounts","object":"account","members":[{"kind":"ROLE","id":"dealer-personnel"}],"hiddenUntilClaimed":["registrationId","address"],"rules":{"userHoldingCap":2}}' | record_id)
    for account in 'Umbrella Shops|US-94-1000003|South' 'Vandelay Industries|US-94-1000004|East' 'Wayne Retail|US-94-1000005|West'; do
      account_id=$(post /accounts "$acme_token" "{\"name\":\"${account%%|*}\",\"registrationId\":\"$(echo "$account" | cut -d'|' -f2)\",\"region\":\"${account##*|}\",\"address\":\"1 Main St\"}" | record_id)
      put "/pooled/account/$account_id" "$acme_token" "{\"poolId\":\"$pool_id\",\"reason\":\"key account\"}" >/dev/null
    done
  fi
  acme_id=$(post /auth/login "" "{\"login\":\"acme-admin\",\"password\":\"$demo_password\"}" | sed -n 's/.*"actingFor":{"id":"\([^"]*\)".*/\1/p')
  cat <<INFO

OpenPartner is running.
  API:          $api            (health: $api/health)
  OpenAPI:      $api/openapi.json   (Swagger UI: $api/docs)
  Logins (POST $api/auth/login with {"login":…,"password":…}):
    platform admin   admin / $admin_password
    upstream admin   acme-admin / $demo_password        (Acme Industrial)
    channel manager  channel.manager / $demo_password   (or mobile +14155550100)
    dealers (external users of Acme; log in with "context":"$acme_id"; the first login asks for a new
    password: POST $api/auth/password). GET $api/partners shows each what its scope and place reach:
      +14155550200 / $demo_password   Northwind Partners  Private; top of Northwind > Contoso > Fabrikam: sees the two below it
      +14155550201 / $demo_password   Contoso Partners    Company read-only; parent of Fabrikam: sees both
      +14155550202 / $demo_password   Fabrikam Partners   Company read-write; bottom of the tree: sees itself
      +14155550203 / $demo_password   Tailspin Partners   Public read-only: sees every connected partner
      +14155550204 / $demo_password   Litware Partners    Public read-write: sees every connected partner
    (dealer roles only view partners; the write half of a scope applies to the objects their roles may edit)
  Dealer portal: log in as the dealer, change the password, then GET $api/portal/company and
                $api/portal/announcements with the token.
  Leads:        GET $api/leads (the upstream sees all; a dealer its own and what its scope reaches),
                POST $api/leads {"name":…}, POST $api/leads/import (CSV), GET $api/leads/export
  Pools:        GET $api/pools; a dealer lists the claimable leads with GET $api/leads?pool=<id>&status=unassigned,
                claims one with POST $api/pooled/lead/<id>/claim, gives it back with
                POST $api/pooled/lead/<id>/return {"reason":…}; the upstream reads GET $api/pooled/lead/<id>/history
                and, for "Website leads" (handed to Tailspin and Litware in turn by GET/PUT $api/pools/<id>/rules),
                why each went where it did: GET $api/pooled/lead/<id>/explain; Tailspin's and Litware's dealers
                take a handed-out lead on with POST $api/pooled/lead/<id>/accept or turn it down with
                POST $api/pooled/lead/<id>/decline {"reason":…}: the rule hands it on, never back to who declined
                ("forCompany":true: never back to the company)
  Accounts:     GET $api/accounts (Northwind's and Contoso's dealers share Globex and Initech: their partner team),
                GET $api/business-info?name=Umb (look a customer up), POST $api/accounts {"name":…,"registrationId":…};
                "Key accounts" is an account pool: GET $api/accounts?pool=<id>, POST $api/pooled/account/<id>/claim
  Convert:      POST $api/leads/<id>/convert {"opportunity":{"name":…,"amount":…}} turns a lead into an account,
                a contact and an opportunity placeholder (GET $api/leads/<id>/conversion)
  Bulk import:  curl -H "Authorization: Bearer <token>" -H 'Content-Type: text/csv' --data-binary @companies.csv $api/imports
  Try:  curl -s -H 'Content-Type: application/json' -d '{"login":"channel.manager","password":"$demo_password"}' $api/auth/login
  Console: echo 'partner:list --tenant "Acme Industrial"' | $home/bin/client -u karaf -p karaf -b
  Stop with Ctrl-C.
INFO
}

seed &
exec "$home/bin/karaf" server
