"""The claims of a dev JWT for the local stack, as compact JSON: python3 claims.py ISSUER SUBJECT ROLE."""
import json
import sys
import time
import uuid

issuer, subject, role = sys.argv[1:4]
now = int(time.time())
# Each service accepts only tokens naming it in "aud"; a dev token names all three that take tokens.
print(json.dumps({"iss": issuer, "sub": subject, "upn": subject, "groups": [role],
                  "aud": ["newsroom-ingest", "newsroom-editorial", "newsroom-notify"], "iat": now,
                  "exp": now + 12 * 3600, "jti": str(uuid.uuid4())}, separators=(",", ":")), end="")
