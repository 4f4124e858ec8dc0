"""Makes an unpacked image's OCI runtime bundle run as the Deployment does.

python3 runc_bundle.py CONFIG_JSON JWT_COPY JWT_DIR JAVA_OPTS [NAME=VALUE...]: the service's environment added,
a read-only root with a writable /tmp, the dev JWT public key mounted where the service looks for it, and the
host's network (no network namespace), so that the service reaches the local PostgreSQL and Kafka.
"""
import json
import sys

path, jwt_copy, jwt_dir, java_opts, *variables = sys.argv[1:]
with open(path) as f:
    config = json.load(f)
process = config["process"]
process["terminal"] = False
process["env"] += variables + ["JAVA_TOOL_OPTIONS=" + java_opts]
config["root"]["readonly"] = True
config["mounts"] += [
    {"destination": "/tmp", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "nodev", "mode=1777"]},
    {"destination": jwt_dir, "type": "bind", "source": jwt_copy, "options": ["rbind", "ro"]},
]
config["linux"]["namespaces"] = [ns for ns in config["linux"]["namespaces"] if ns["type"] != "network"]
with open(path, "w") as f:
    json.dump(config, f, indent=2)
