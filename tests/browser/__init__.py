"""The browser sweep: Playwright driving the system Chromium, axe-core inside."""
