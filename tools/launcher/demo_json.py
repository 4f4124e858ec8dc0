"""Picks from JSON on stdin (a bare array or a page object): demo_json.py len | item I | find HEADLINE |
findby KEY=VALUE | field NAME."""
import json, sys
mode, arg = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None
data = json.load(sys.stdin)
if isinstance(data, dict) and mode != "field":
    for k in ("items", "content", "data", "stories", "publications", "results"):
        if isinstance(data.get(k), list): data = data[k]; break
if mode == "len":
    print(len(data))
elif mode == "item":                       # i-th element as compact JSON
    print(json.dumps(data[int(arg)]))
elif mode == "find":                     # first object whose headline == arg, as JSON
    for o in data:
        if isinstance(o, dict) and o.get("headline") == arg: print(json.dumps(o)); break
elif mode == "findby":                   # first object whose KEY == VALUE (arg "KEY=VALUE"), as JSON
    key, _, value = arg.partition("=")
    for o in data:
        if isinstance(o, dict) and str(o.get(key)) == value: print(json.dumps(o)); break
elif mode == "field":                    # field arg of a single object
    v = data.get(arg) if isinstance(data, dict) else None
    if v is not None: print(v)
