-- Webhook secrets are stored AES-256-GCM encrypted from now on (repository.SecretColumnConverter): "v1:" + base64 of
-- IV and ciphertext, longer than the 512-character secret itself. Rows written before stay readable as they are.
alter table subscription alter column webhook_secret type varchar(1024);
alter table webhook_delivery alter column secret type varchar(1024);
