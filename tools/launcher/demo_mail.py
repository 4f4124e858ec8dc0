"""Reads the demo reader's mail dumped by pop3_dump: demo_mail.py DIR confirm-token [AFTER_N] | subject TEXT."""
import email, email.policy, glob, html, os, re, sys
d, mode = sys.argv[1], sys.argv[2]
def num(p): return int(os.path.basename(p).split(".")[0])
def bodies(msg):
    plain, rich = [], []
    for part in msg.walk():
        if part.is_multipart(): continue
        ct = part.get_content_type()
        if ct not in ("text/plain", "text/html"): continue
        try: text = part.get_content()
        except Exception: text = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
        (plain if ct == "text/plain" else rich).append(text)
    return plain, rich
msgs = []
for p in sorted(glob.glob(os.path.join(d, "*.eml")), key=num):
    with open(p, "rb") as f:
        msgs.append((num(p), email.message_from_bytes(f.read(), policy=email.policy.default)))
if mode == "confirm-token":
    after = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    token = None
    for n, m in msgs:
        if n <= after: continue
        plain, rich = bodies(m)
        for text in plain + [html.unescape(t) for t in rich]:
            for t in re.findall(r"confirm\?token=([^&\"'<>\s]+)", text): token = t
    if token: print(token)
elif mode == "subject":
    want = sys.argv[3]
    for n, m in msgs:
        subject = " ".join(str(m.get("subject", "")).split())
        if want in subject:
            plain, rich = bodies(m)
            body = plain[0] if plain else re.sub(r"<[^>]+>", "", html.unescape(rich[0] if rich else ""))
            lines = [l.rstrip() for l in body.splitlines() if l.strip()][:12]
            print("Subject: " + subject)
            print("\n".join("  " + l for l in lines))
            break
