"""Anti-trafficking plans: data model, loader and checks, independent of the site generator."""
