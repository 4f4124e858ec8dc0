# shellcheck shell=bash
# ./newsroom demo: up (if needed), then one walk through the pipeline on sample data, as its people do it.
# shellcheck source=tools/launcher/up.sh
source "$LAUNCHER/up.sh"

DEMO_READER="reader@example.org"

# http METHOD URL [curl args...] -> body on stdout, status code in $HTTP_STATUS (of the shell that called it:
# a `$(http …)` sets it in a subshell only, so read a body you need the status of from a file instead).
HTTP_STATUS=""
http() {
  local method=$1 url=$2 out; shift 2
  out="$(mktemp)"
  HTTP_STATUS="$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$url" "$@")" || HTTP_STATUS=000
  cat "$out"
  rm -f "$out"
}

# Download every message of a mailbox into DIR (N.eml); GreenMail keeps them, so re-reading is fine.
pop3_dump() {
  local user=$1 dir=$2 n
  rm -rf "$dir"
  mkdir -p "$dir"
  # Login fails (curl exit 67) until the first mail creates the mailbox: that is "no mail yet".
  for n in $(curl -s -u "$user:x" "pop3://127.0.0.1:$POP3_PORT/" | awk '{print $1}' | tr -d '\r'); do
    curl -s -u "$user:x" "pop3://127.0.0.1:$POP3_PORT/$n" >"$dir/$n.eml" || true
  done
}

# mail_query DIR confirm-token [AFTER_N] | subject HEADLINE
# Parses the dumped messages (MIME, quoted-printable, encoded headers) with Python's email.
mail_query() {
  python3 "$LAUNCHER/demo_mail.py" "$@"
}

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# json_query MODE ARGS... <JSON on stdin. Accepts a bare array or a page object.
json_query() {
  python3 "$LAUNCHER/demo_json.py" "$@"
}

demo_subscribe() {
  local dir="$STATE/demo/mail" before token deadline
  pop3_dump "$DEMO_READER" "$dir"
  before="$(find "$dir" -name '*.eml' | wc -l)"
  info "1/7 subscribing $DEMO_READER"
  http POST "http://127.0.0.1:8084/api/subscriptions" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$DEMO_READER\",\"name\":\"Demo Reader\"}" >/dev/null
  [[ "$HTTP_STATUS" == 202 || "$HTTP_STATUS" == 200 ]] || die "subscribe returned HTTP $HTTP_STATUS (expected 202)"
  info "    waiting for the confirmation e-mail (POP3 127.0.0.1:$POP3_PORT)"
  deadline=$((SECONDS + 20))
  token=""
  until [[ -n "$token" ]]; do
    pop3_dump "$DEMO_READER" "$dir"
    token="$(mail_query "$dir" confirm-token "$before")"
    [[ -n "$token" ]] && break
    if ((SECONDS >= deadline)); then
      # The API answers alike for new and known addresses (no enumeration); an active reader gets no new mail.
      warn "no confirmation e-mail: $DEMO_READER is most likely subscribed already (an earlier run); carrying on"
      return 0
    fi
    sleep 1
  done
  # The link opens a page; its button POSTs (opening the link alone confirms nothing).
  http POST "http://127.0.0.1:8084/api/subscriptions/confirm?token=$token" >/dev/null
  [[ "$HTTP_STATUS" == 200 ]] || die "confirming the subscription returned HTTP $HTTP_STATUS"
  info "    subscription confirmed"
}

demo_push_items() {
  local n i body editor
  n="$(json_query len <"$ROOT/samples/items.json")"
  editor="$(make_token editor)"
  info "2/7 pushing $n sample items to ingest"
  for ((i = 0; i < n; i++)); do
    body="$(json_query item "$i" <"$ROOT/samples/items.json")"
    http POST "http://127.0.0.1:8081/api/items" -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $editor" -d "$body" >/dev/null
    [[ "$HTTP_STATUS" == 201 || "$HTTP_STATUS" == 200 ]] || die "pushing item $i returned HTTP $HTTP_STATUS"
  done
}

# demo_approve HEADLINE [BIO]: prints "ID approved" for the story made from that sample item when this run approved
# it (after an editor gave it the author's BIO), "ID STATUS" when an earlier run had already moved it on.
demo_approve() {
  local headline=$1 bio=${2:-} editor chief deadline story="" id status etag
  editor="$(make_token editor)"
  chief="$(make_token chief-editor)"
  deadline=$((SECONDS + 60))
  until [[ -n "$story" ]]; do
    # By full text, then the exact headline: the queue may hold many newer stories.
    story="$(http GET "http://127.0.0.1:8082/api/stories?limit=100&q=$(urlencode "$headline")" \
      -H "Authorization: Bearer $editor" | json_query find "$headline" 2>/dev/null || true)"
    [[ -n "$story" ]] && break
    ((SECONDS < deadline)) || die "story \"$headline\" not in the editorial queue after 60s (see .newsroom/logs/ingest-service.log and editorial-service.log)"
    sleep 1
  done
  id="$(json_query field id <<<"$story")"
  status="$(json_query field status <<<"$story")"
  if [[ "$status" == NEW || "$status" == IN_REVIEW ]]; then
    [[ -z "$bio" ]] || demo_author_bio "$id" "$bio" "$editor"
    info "    approving \"$headline\" as chief-editor"
    # Approve what was read: editorial requires the story's current ETag in If-Match.
    etag="$(http GET "http://127.0.0.1:8082/api/stories/$id" -H "Authorization: Bearer $chief" | json_query field etag)"
    http POST "http://127.0.0.1:8082/api/stories/$id/approve" -H "Authorization: Bearer $chief" \
      -H "If-Match: $etag" >/dev/null
    [[ "$HTTP_STATUS" == 200 ]] || die "approve returned HTTP $HTTP_STATUS"
    status=approved
  else
    info "    \"$headline\" is already $status (earlier run)"
  fi
  echo "$id $status"
}

# demo_author_bio ID BIO TOKEN: the editor adds the author's bio, shown as "About the author" under a lead story.
demo_author_bio() {
  local id=$1 bio=$2 token=$3 etag body
  etag="$(http GET "http://127.0.0.1:8082/api/stories/$id" -H "Authorization: Bearer $token" | json_query field etag)"
  body="$(python3 -c 'import json, sys; print(json.dumps({"authorBio": sys.argv[1]}))' "$bio")"
  http PATCH "http://127.0.0.1:8082/api/stories/$id" -H "Authorization: Bearer $token" -H "If-Match: $etag" \
    -H 'Content-Type: application/json' -d "$body" >/dev/null
  [[ "$HTTP_STATUS" == 200 ]] || die "adding the author's bio returned HTTP $HTTP_STATUS"
  info "    added the author's bio as editor"
}

demo_wait_publication() {
  local headline=$1 deadline pub=""
  info "4/7 waiting for the publication of \"$headline\""
  deadline=$((SECONDS + 60))
  until [[ -n "$pub" ]]; do
    pub="$(http GET "http://127.0.0.1:8083/api/publications" | json_query find "$headline" 2>/dev/null || true)"
    [[ -n "$pub" ]] && break
    ((SECONDS < deadline)) || die "not published after 60s (see .newsroom/logs/publish-service.log)"
    sleep 1
  done
  info "    published: $(json_query field url <<<"$pub")"
  info "    page:      http://127.0.0.1:8083/stories/$(json_query field slug <<<"$pub")"
}

# demo_wait_email SUBJECT: waits for a mail to the demo reader whose subject contains SUBJECT, and prints it.
demo_wait_email() {
  local headline=$1 dir="$STATE/demo/mail" deadline found=""
  deadline=$((SECONDS + 60))
  until [[ -n "$found" ]]; do
    pop3_dump "$DEMO_READER" "$dir"
    found="$(mail_query "$dir" subject "$headline")"
    [[ -n "$found" ]] && break
    ((SECONDS < deadline)) || die "no e-mail \"$headline\" for $DEMO_READER after 60s (see .newsroom/logs/notify-service.log)"
    sleep 1
  done
  printf '%s\n' "$found"
}

# demo_edition LEAD BRIEF...: composes today's edition (lead story with an editor's note, numbered briefs),
# approves it and waits for its page; prints its title.
demo_edition() {
  local lead=$1 title body edition id deadline published=""
  shift
  title="The Daily Brief — $(date -u '+%-d %B %Y, %H:%M UTC')"
  body="$(python3 -c 'import json, sys
title, day, lead, briefs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
print(json.dumps({"title": title, "date": day, "leadStoryId": lead, "briefs": briefs,
    "leadNote": "We lead with shipping: freight, not oil, is where this crisis reaches importers first.",
    "sections": ["Geopolitics", "Geoeconomics"]}))' "$title" "$(date -u +%F)" "$lead" "$@")"
  info "6/7 composing and approving the edition \"$title\""
  mkdir -p "$STATE/demo"
  http POST "http://127.0.0.1:8082/api/editions" -H "Authorization: Bearer $(make_token editor)" \
    -H 'Content-Type: application/json' -d "$body" >"$STATE/demo/edition.json"
  edition="$(cat "$STATE/demo/edition.json")"
  [[ "$HTTP_STATUS" == 201 ]] || die "composing the edition returned HTTP $HTTP_STATUS: $edition"
  id="$(json_query field id <<<"$edition")"
  http POST "http://127.0.0.1:8082/api/editions/$id/approve" -H "Authorization: Bearer $(make_token chief-editor)" \
    -H "If-Match: $(json_query field etag <<<"$edition")" -H 'Content-Type: application/json' -d '{}' >/dev/null
  [[ "$HTTP_STATUS" == 200 ]] || die "approving the edition returned HTTP $HTTP_STATUS"
  deadline=$((SECONDS + 60))
  until [[ -n "$published" ]]; do
    published="$(http GET "http://127.0.0.1:8083/api/editions" | json_query findby "title=$title" 2>/dev/null || true)"
    [[ -n "$published" ]] && break
    ((SECONDS < deadline)) || die "edition not published after 60s (see .newsroom/logs/publish-service.log)"
    sleep 1
  done
  info "    edition published: $(json_query field url <<<"$published")"
  echo "$title"
}

cmd_demo() {
  all_services_ready || cmd_up
  local headlines=() ids=() fresh=() i id status title
  for i in 0 1 2 3; do
    headlines+=("$(json_query item "$i" <"$ROOT/samples/items.json" | json_query field headline)")
  done
  demo_subscribe
  demo_push_items
  info "3/7 approving four stories in the editorial queue"
  local approval bio
  for i in 0 1 2 3; do
    # The first story leads the edition: an editor gives it its author's bio first.
    bio=""
    ((i > 0)) || bio="Mara Lindqvist covers shipping and marine insurance for The Harbor Ledger."
    approval="$(demo_approve "${headlines[$i]}" "$bio")" || exit 1
    read -r id status <<<"$approval"
    ids+=("$id")
    [[ "$status" == approved ]] && fresh+=("${headlines[$i]}")
  done
  if ((${#fresh[@]})); then
    demo_wait_publication "${fresh[0]}"
    info "5/7 waiting for its e-mail to $DEMO_READER"
    demo_wait_email "${fresh[0]}"
  else
    info "4/7 and 5/7: the stories were published and e-mailed by an earlier run"
  fi
  title="$(demo_edition "${ids[@]}")"
  info "7/7 waiting for the edition's e-mail to $DEMO_READER"
  demo_wait_email "$title"
  info "demo complete: ingested, approved, published, composed into an edition and e-mailed"
}

