"""Bybit V5 account data over REST: read-only, nothing is changed.

Shows: system status, account info, wallet balance, positions, active orders, historic orders,
the execution list, closed PnL, fee rates, the transaction log, coin balances, transferable
coins, and deposit and withdrawal records. Needs BYBIT_API_KEY and
BYBIT_API_SECRET (live keys; testnet or demo keys need ``testnet=True`` / ``demo_trading=True``).

Run:
    python examples/bybit_rest_private.py
    BITSDK_LOOPBACK=1 python examples/bybit_rest_private.py    # offline, loopback exchange
"""

from _env import bybit_options, require_keys

from bitsdk.bybit import RestClientV5
from bitsdk.errors import APIError


def main() -> None:
    client = RestClientV5(**require_keys(bybit_options()))
    try:
        status = client.get_system_status()["result"]["list"]
        print(f"{len(status)} system status notice(s)")

        account = client.get_account_info()["result"]
        print("margin mode:", account["marginMode"], "unified status:", account["unifiedMarginStatus"])

        wallet = client.get_wallet_balance(accountType="UNIFIED")["result"]["list"][0]
        print("total equity (USD):", wallet["totalEquity"])
        for coin in wallet["coin"]:
            print(f"  {coin['coin']}: wallet {coin['walletBalance']}, equity {coin['equity']}")

        positions = client.get_position_info(category="linear", settleCoin="USDT")["result"]["list"]
        print(f"{len(positions)} linear position(s)")
        for position in positions:
            print(f"  {position['symbol']} {position['side']} {position['size']} @ {position['avgPrice']}")

        active = client.get_active_orders(category="linear", settleCoin="USDT")["result"]["list"]
        print(f"{len(active)} active linear order(s)")

        history = client.get_historic_orders(category="linear", limit=5)["result"]["list"]
        print(f"{len(history)} recent linear order(s) in history")
        for order in history:
            print(f"  {order['orderId']} {order['side']} {order['qty']} {order['symbol']} -> {order['orderStatus']}")

        executions = client.get_execution_list(category="linear", limit=5)["result"]["list"]
        print(f"{len(executions)} recent execution(s)")

        closed = client.get_closed_pnl(category="linear", limit=5)["result"]["list"]
        print(f"{len(closed)} closed PnL record(s)")

        fees = client.get_fee_rate(category="linear", symbol="BTCUSDT")["result"]["list"]
        for fee in fees:
            print(f"fee rate {fee['symbol']}: maker {fee['makerFeeRate']} taker {fee['takerFeeRate']}")

        log = client.get_transaction_log(accountType="UNIFIED", limit=5)["result"]["list"]
        print(f"transaction log: {len(log)} recent entries")

        usdt = client.get_coin_balance(accountType="UNIFIED", coin="USDT")["result"]["balance"]
        print("USDT transferable:", usdt["transferBalance"])

        balances = client.get_all_coins_balance(accountType="UNIFIED")["result"]["balance"]
        print("coin balances:", {item["coin"]: item["walletBalance"] for item in balances})

        coins = client.get_transferable_coin_list("UNIFIED", "FUND")["result"]["list"]
        print(f"{len(coins)} coin(s) transferable from UNIFIED to FUND")

        deposits = client.get_deposit_records(limit=5)["result"]["rows"]
        withdrawals = client.get_withdrawal_records(limit=5)["result"]["rows"]
        print(f"{len(deposits)} recent deposit(s), {len(withdrawals)} recent withdrawal(s)")
    except APIError as exc:
        # For example 10003 when the keys belong to testnet or demo trading.
        print(f"Bybit refused the request: {exc}")
    finally:
        client.close()


if __name__ == "__main__":
    main()
