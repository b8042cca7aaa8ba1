"""Where the pipeline's files live in the repository (spec -> overlay -> effective spec -> generated client)."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
OPENAPI_DIR = REPO_ROOT / "openapi"
UPSTREAM_SEEDS_DIR = OPENAPI_DIR / "upstream" / "seeds"
UPSTREAM_SPEC = OPENAPI_DIR / "upstream" / "adapty-api.yaml"
OVERLAY = OPENAPI_DIR / "overlay.yaml"
EFFECTIVE_SPEC = OPENAPI_DIR / "adapty-api.yaml"
GENERATOR_CONFIG = OPENAPI_DIR / "generator" / "config.yaml"
GENERATOR_TEMPLATES = OPENAPI_DIR / "generator" / "templates"
GENERATED_DIR = REPO_ROOT / "generated"
GENERATED_PACKAGE = "adapty_api_client"
