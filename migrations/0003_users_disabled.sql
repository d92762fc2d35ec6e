-- A user can be disabled (`newschart user disable NAME`): their sessions and tokens stop working
-- at once, and they cannot sign in. Rows are never deleted: charts, versions and the audit log
-- name their authors.
ALTER TABLE users ADD COLUMN disabled_at BIGINT;
