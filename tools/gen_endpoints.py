"""Print endpoint declarations for one catalogue client, ready to paste into a class body.

    python tools/gen_endpoints.py ../shared/spec/bitget-endpoints.csv rest_v3

The catalogue stays the source of truth: tests/test_bitget_rest.py and test_bybit_rest.py check the classes against
it in both directions, so this script is only a convenience for adding endpoints.
"""

import csv
import re
import sys


def _family(path: str) -> str:
    """The comment heading of a path: up to the segment after the version
    (/api/v3/market/... -> /api/v3/market, /v5/market/time -> /v5/market)."""
    parts = path.strip("/").split("/")
    for i, part in enumerate(parts):
        if re.fullmatch(r"v\d+", part):
            return "/" + "/".join(parts[: i + 2])
    return "/" + "/".join(parts[:2])


def main(path: str, client: str) -> None:
    family = None
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["client"] != client:
            continue
        group = _family(row["path"])
        if group != family:
            family = group
            print(f"\n    # {group}")
        auth = ", auth=True" if row["auth"] == "1" else ""
        print(f'    {row["name"]} = endpoint("{row["http"]}", "{row["path"]}"{auth})')


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
