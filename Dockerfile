# Error Explainer bot: one process, `python -m bot`, serving /api/messages and /healthz.
#   docker build -t error-explainer .
#   docker run -p 3978:3978 -e MicrosoftAppId=... -e MicrosoftAppPassword=... \
#     -e MicrosoftAppType=SingleTenant -e MicrosoftAppTenantId=... error-explainer
# The container listens on 0.0.0.0, so the bot refuses to start without MicrosoftAppId:
# an anonymous bot on a public address would relay replies to any serviceUrl.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Only what the server needs at run time: the three packages and their data.
# README.m[d] matches README.md when present (pyproject names it) without failing when absent.
COPY pyproject.toml README.m[d] ./
COPY bot ./bot
COPY catalog ./catalog
COPY cards ./cards
# A regular (non-editable) install of the runtime dependencies only: no [test] extra.
RUN pip install --no-compile . && rm -rf /root/.cache build *.egg-info

RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin bot
USER bot

ENV HOST=0.0.0.0 \
    PORT=3978
EXPOSE 3978

# /healthz answers 200 with JSON once the catalog is loaded and the server listens.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '3978'), timeout=4)"]

CMD ["python", "-m", "bot"]
