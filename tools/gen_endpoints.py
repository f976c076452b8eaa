"""Print endpoint declarations for one catalogue client, ready to paste into a class body.

    python tools/gen_endpoints.py ../shared/spec/bitget-endpoints.csv rest_v3

The catalogue stays the source of truth: tests/test_bitget_rest.py and test_bybit_rest.py check the classes against
it in both directions, so this script is only a convenience for adding endpoints.
"""

import csv
import sys


def main(path: str, client: str) -> None:
    family = None
    for row in csv.DictReader(open(path)):
        if row["client"] != client:
            continue
        parts = row["path"].strip("/").split("/")
        group = "/" + "/".join(parts[:3])
        if group != family:
            family = group
            print(f"\n    # {group}")
        auth = ", auth=True" if row["auth"] == "1" else ""
        print(f'    {row["name"]} = endpoint("{row["http"]}", "{row["path"]}"{auth})')


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
