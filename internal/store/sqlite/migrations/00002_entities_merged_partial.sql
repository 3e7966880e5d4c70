-- Only merged entities are indexed by merged_into: with every live entity in the index, SQLite's
-- planner took "merged_into IS NULL" for a selective condition and walked a million entries
-- where the primary key would have found ten.
-- +goose Up
DROP INDEX entities_merged;
CREATE INDEX entities_merged ON entities (merged_into) WHERE merged_into IS NOT NULL;

-- +goose Down
DROP INDEX entities_merged;
CREATE INDEX entities_merged ON entities (merged_into);
