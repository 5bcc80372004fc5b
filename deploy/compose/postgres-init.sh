#!/bin/sh
# Runs once, when the postgres container creates its data volume: one database and one login role per
# service, as deploy/local/postgres.sh does, with the passwords given in the environment (.env).
set -eu
for db in case_service referral_service reporting_service keycloak; do
    var=$(echo "${db}_DB_PASSWORD" | tr '[:lower:]' '[:upper:]')
    eval "pw=\${$var:?set $var in deploy/compose/.env}"
    psql -v ON_ERROR_STOP=1 -v db="$db" -v pw="$pw" --username "$POSTGRES_USER" --dbname postgres <<'SQL'
CREATE ROLE :"db" LOGIN PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"db";
SQL
done
