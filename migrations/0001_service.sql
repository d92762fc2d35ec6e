-- The feed service's schema (docs/SERVICE.md). Portable SQL: it runs unchanged on SQLite and
-- PostgreSQL through sqlx's Any driver, so only TEXT and BIGINT (times in Unix milliseconds), and
-- no auto-increment: sequence numbers come from the counters on the chart row.

CREATE TABLE users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('journalist', 'editor', 'admin')),
    desk TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE charts (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    owner TEXT NOT NULL REFERENCES users (name),
    desk TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- how many versions and history entries exist: a publish increments both in its first
    -- statement, which also serializes writers of one chart on both databases
    versions BIGINT NOT NULL DEFAULT 0,
    head BIGINT NOT NULL DEFAULT 0
);

-- immutable: never updated or deleted
CREATE TABLE versions (
    chart_id TEXT NOT NULL REFERENCES charts (id),
    n BIGINT NOT NULL,
    feed TEXT NOT NULL,
    source_name TEXT,
    source_hex TEXT,
    author TEXT NOT NULL,
    at BIGINT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (chart_id, n)
);

-- append only: the live version is the version of a chart's last entry
CREATE TABLE history (
    chart_id TEXT NOT NULL REFERENCES charts (id),
    seq BIGINT NOT NULL,
    version BIGINT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('publish', 'rollback')),
    author TEXT NOT NULL,
    at BIGINT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (chart_id, seq),
    FOREIGN KEY (chart_id, version) REFERENCES versions (chart_id, n)
);

CREATE TABLE audit (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    chart_id TEXT,
    from_version BIGINT,
    to_version BIGINT,
    detail TEXT NOT NULL
);
CREATE INDEX audit_chart ON audit (chart_id, at);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES users (name),
    csrf TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    user_name TEXT NOT NULL REFERENCES users (name),
    scope TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE login_failures (
    user_name TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_user ON login_failures (user_name, at);
