# One image for the web app and the Celery workers.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 CLEARANCE_VAR_DIR=/var/lib/clearance
WORKDIR /app
COPY pyproject.toml ./
COPY config ./config
COPY disclosure ./disclosure
COPY redaction ./redaction
COPY review ./review
COPY templates ./templates
COPY static ./static
COPY manage.py ./
RUN pip install --no-cache-dir -e . && useradd --system --home /var/lib/clearance clearance \
    && mkdir -p /var/lib/clearance && chown clearance /var/lib/clearance
USER clearance
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
