-- Offerings whose provider answered their model id as unknown or retired:
-- [{"provider": "anthropic", "modelId": "...", "reason": "...", "at": "..."}, ...]
ALTER TABLE catalogue_models ADD COLUMN offerings_not_found JSONB NOT NULL DEFAULT '[]';
