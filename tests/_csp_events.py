"""What the browser tests add to a page to see its Content-Security-Policy refuse something."""

from __future__ import annotations

# Recorded from the first instant on: Playwright's init script runs before the page's own.
RECORD_VIOLATIONS = """
  window.__csp = [];
  document.addEventListener('securitypolicyviolation',
    (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`));
"""
