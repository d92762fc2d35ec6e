-- Live data sources: a chart may name an upstream CSV or JSON address that the service polls
-- (src/serve/upstream.rs). Claiming a due source is a compare-and-set on next_at, so of several
-- instances behind a load balancer one polls it.
CREATE TABLE sources (
    chart_id TEXT PRIMARY KEY REFERENCES charts (id),
    url TEXT NOT NULL,
    interval_s BIGINT NOT NULL,
    etag TEXT,
    next_at BIGINT NOT NULL,
    checked_at BIGINT,
    last_error TEXT,
    set_by TEXT NOT NULL
);
