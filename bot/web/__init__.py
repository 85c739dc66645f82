"""HTTP only: the app factory, routes, middleware, problem responses, serving the process.

Imports nothing at package level, so `bot.web.app` can be imported on its own.
"""
