# Hearth's Python worker: one per workspace, keeping a namespace between calls.
# Requests come one JSON line at a time on the original stdin; answers go as one JSON line each to the
# original stdout. Everything the user's code writes (print, sys.stderr, os.write(1, ...), child processes)
# goes to the stderr pipe, which Hearth reads as the call's output; after each call a marker Hearth chose
# is written there, so Hearth knows the output of that call is complete.
import ast, importlib, io, json, os, sys, traceback

_proto_in = os.fdopen(os.dup(0), "r", encoding="utf-8")
_proto_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)            # input() sees an empty stdin, never the protocol
os.dup2(2, 1)                # fd-level writes and children share the output pipe
sys.stdin = open(os.devnull, "r")
sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", buffering=0), encoding="utf-8", errors="replace", write_through=True)
sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", buffering=0), encoding="utf-8", errors="replace", write_through=True)

_namespace = {"__name__": "__main__", "__builtins__": __builtins__}
_MAX_VALUE = 64 * 1024
_MAX_VARIABLES = 500


def _variables():
    out = {}
    for name, value in list(_namespace.items()):
        if name.startswith("_"):
            continue
        if len(out) >= _MAX_VARIABLES:
            break
        entry = {"type": type(value).__name__}
        try:
            text = json.dumps(value, allow_nan=False)
            if len(text) <= _MAX_VALUE:
                entry["value"] = json.loads(text)
        except (TypeError, ValueError, RecursionError, OverflowError):
            pass
        out[name] = entry
    return out


def _execute(code):
    importlib.invalidate_caches()    # packages installed since the last call become importable
    tree = ast.parse(code, "<console>", "exec")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, "<console>", "exec"), _namespace)
    if last is not None:
        value = eval(compile(last, "<console>", "eval"), _namespace)
        if value is not None:
            print(repr(value))


def _answer(message):
    _proto_out.write(json.dumps(message) + "\n")
    _proto_out.flush()


for _line in _proto_in:
    _request = json.loads(_line)
    _op = _request.get("op")
    if _op == "execute":
        _error = ""
        try:
            _execute(_request["code"])
        except SystemExit as e:
            _error = "SystemExit: %s (the worker keeps running)" % (e.code,)
        except BaseException:
            _kind, _value, _tb = sys.exc_info()
            _error = "".join(traceback.format_exception(_kind, _value, _tb.tb_next if _tb else None))
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:
            pass
        os.write(2, _request["end"].encode("utf-8"))
        _answer({"ok": _error == "", "error": _error, "variables": _variables()})
    elif _op == "variables":
        _answer({"variables": _variables()})
    elif _op == "delete":
        _name = _request["name"]
        _found = _name in _namespace and not _name.startswith("_")
        if _found:
            del _namespace[_name]
        _answer({"deleted": _found})
    else:
        _answer({"error": "unknown op %r" % (_op,)})
