#!/usr/bin/env bash
# Run once by the postgres image on an empty volume (docker-compose.yml mounts it into /docker-entrypoint-initdb.d):
# one database per service that stores (as Databases.ALL in local-infra), each owned by its own login user whose
# password comes from .env (GEORISK_DB_PASSWORD_<SERVICE>), stored as a SCRAM-SHA-256 verifier. A service's user
# may connect to its own database only: CONNECT is revoked from PUBLIC on all four (docs/security.md).
# The schemas are the services' own Flyway migrations, applied by that user when each service starts.
set -euo pipefail

create() {
    local db="$1" password="$2"
    # psql variables (:'pw') quote the password as a literal, whatever characters it holds
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v db="$db" -v pw="$password" <<'SQL'
SET password_encryption = 'scram-sha-256';
CREATE ROLE :"db" LOGIN PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"db";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
    # the public schema belongs to the database owner, so Flyway (run as that user) may create tables in it
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$db" -v db="$db" <<'SQL'
ALTER SCHEMA public OWNER TO :"db";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
}

create georisk_ingest "$GEORISK_DB_PASSWORD_INGEST"
create georisk_assessment "$GEORISK_DB_PASSWORD_ASSESSMENT"
create georisk_notification "$GEORISK_DB_PASSWORD_NOTIFICATION"
create georisk_gateway "$GEORISK_DB_PASSWORD_GATEWAY"
