"""The queue domain: configuration, rules, tokens and texts. Knows nothing of Qt."""
