"""Writers: document model → output format."""
