"""The mkdocs-macros module of the design card's top level (`module_name: macros` in both configs): the page
macros for the hand-written pages in docs/. Thin on purpose: the macros live in the package
(planreader.site.macros), next to the catalog they read; this folder only gives them their top-level place."""
from planreader.site.macros import define_env, on_pre_page_macros

__all__ = ["define_env", "on_pre_page_macros"]
