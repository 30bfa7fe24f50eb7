"""Tooling that executes and verifies the handbook's pages (build hook and test parser)."""
