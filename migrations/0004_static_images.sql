-- The static first paint (issue 19, src/serve/statics.rs): each live version of a chart is drawn
-- as SVG at publish time, at a phone's and a desktop's width, with the chart's embed height (the
-- snippet's `height`; NULL: the feed's own default, as the builder computes it). Images are kept
-- for every feed a chart has had, so an article with an older snippet still gets its image.
ALTER TABLE charts ADD COLUMN height BIGINT;
-- what went wrong drawing the live version's images, shown on the chart's page; NULL when fine
ALTER TABLE charts ADD COLUMN static_problem TEXT;

CREATE TABLE static_images (
    chart_id TEXT NOT NULL REFERENCES charts (id),
    hash TEXT NOT NULL,
    width BIGINT NOT NULL,
    -- the embed height it was drawn for, and the image's own height
    chart_height BIGINT NOT NULL,
    height BIGINT NOT NULL,
    -- 1: drawn in the dark theme, for readers whose colour scheme is dark (render --static's
    -- .dark.svg); 0: the light one
    dark BIGINT NOT NULL DEFAULT 0,
    svg TEXT NOT NULL,
    at BIGINT NOT NULL,
    -- how long drawing the chart's images took (all widths), in milliseconds
    render_ms BIGINT NOT NULL,
    PRIMARY KEY (chart_id, hash, width, dark)
);
