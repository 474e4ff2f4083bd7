-- A key's owner is its name: what ops create, list and delete it by (/api/v1/ops/keys), and the principal the
-- services see in X-GeoRisk-Principal. One key per name, so "delete the key named X" means one key. Rows before
-- this migration can only be the development keys and the tests' keys, whose owners are distinct.
CREATE UNIQUE INDEX api_key_owner_unique ON api_key (owner);
