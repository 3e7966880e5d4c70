-- Listing entities by creation (the API's sort=created, the extractor's gazetteer) read and
-- sorted the whole table for every page: at a million entities a gazetteer took minutes.
-- +goose Up
CREATE INDEX entities_created ON entities (created_at, id);

-- +goose Down
DROP INDEX entities_created;
