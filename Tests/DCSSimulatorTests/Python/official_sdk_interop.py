"""Drives the dcswatch simulator with the official Huawei Cloud Python SDK (huaweicloudsdkdcs).

Usage: official_sdk_interop.py ENDPOINT PROJECT_ID AK SK
Prints one JSON document on stdout: every task id and status from the list call (paged with
offset/limit), detail and stats for a few tasks, and the error of a call signed with a wrong SK.
Exit code 3 when the SDK is not importable, 4 when anything tries to reach an address other than
127.0.0.1 (no region lookup, no IAM project-id lookup, no proxy).
"""
import json
import os
import socket
import sys

_real_connect = socket.socket.connect


def _loopback_only(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if host not in ("127.0.0.1", "::ffff:127.0.0.1"):
        sys.stderr.write("refusing to connect to %r: only 127.0.0.1 is allowed\n" % (host,))
        os._exit(4)  # not an exception: nothing in the SDK may catch it and carry on
    return _real_connect(self, address)


socket.socket.connect = _loopback_only
for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
    os.environ.pop(name, None)
os.environ["NO_PROXY"] = "127.0.0.1"

try:
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.exceptions import exceptions
    from huaweicloudsdkcore.http.http_config import HttpConfig
    from huaweicloudsdkdcs.v2 import (DcsClient, ListMigrationTaskRequest, ShowMigrationTaskRequest,
                                      ShowMigrationTaskStatsRequest)
except ImportError as error:
    sys.stderr.write("official SDK not importable (%s); install it with: "
                     "python3 -m pip install huaweicloudsdkcore huaweicloudsdkdcs\n" % error)
    sys.exit(3)


def make_client(endpoint, project_id, ak, sk):
    config = HttpConfig.get_default_config()
    config.timeout = (5, 10)
    config.retry_times = 0
    credentials = BasicCredentials(ak, sk, project_id)
    # No region: with_endpoints plus a project id means the SDK never looks anything up.
    return DcsClient.new_builder().with_http_config(config).with_credentials(credentials) \
        .with_endpoints([endpoint]).build()


def list_all(client, limit):
    seen, order, offset, count = set(), [], 0, None
    while True:
        response = client.list_migration_task(ListMigrationTaskRequest(offset=offset, limit=limit))
        page = response.migration_tasks or []
        count = response.count
        for task in page:
            if task.task_id not in seen:
                seen.add(task.task_id)
                order.append({"id": task.task_id, "status": task.status, "name": task.task_name})
        offset += limit
        if not page or len(order) >= (count or 0):
            return order, count


def main():
    endpoint, project_id, ak, sk = sys.argv[1:5]
    client = make_client(endpoint, project_id, ak, sk)
    tasks, count = list_all(client, 7)
    details, stats = {}, {}
    for task in tasks[:5]:
        detail = client.show_migration_task(ShowMigrationTaskRequest(task_id=task["id"]))
        details[task["id"]] = {
            "status": detail.status,
            "has_target_password": bool(detail.target_instance and detail.target_instance.password),
        }
        progress = client.show_migration_task_stats(ShowMigrationTaskStatsRequest(task_id=task["id"]))
        stats[task["id"]] = {"progress": str(progress.full_migration_progress), "is_migrating": progress.is_migrating}
    # A non-ASCII name through the SDK's own query encoding and signature.
    name_filter = {}
    international = next((t for t in tasks if any(ord(c) > 127 for c in t["name"])), None)
    if international is not None:
        found = client.list_migration_task(ListMigrationTaskRequest(name=international["name"], limit=100))
        name_filter = {"id": international["id"], "ids": [t.task_id for t in (found.migration_tasks or [])]}
    wrong = {}
    try:
        make_client(endpoint, project_id, ak, sk + "-wrong").list_migration_task(ListMigrationTaskRequest(limit=1))
        wrong = {"status": 200}
    except exceptions.ClientRequestException as error:
        wrong = {"status": error.status_code, "code": error.error_code, "request_id": error.request_id}
    missing = {}
    try:
        client.show_migration_task(ShowMigrationTaskRequest(task_id="no-such-task"))
        missing = {"status": 200}
    except exceptions.ClientRequestException as error:
        missing = {"status": error.status_code, "code": error.error_code}
    json.dump({"count": count, "tasks": tasks, "details": details, "stats": stats, "wrong_sk": wrong,
               "missing_task": missing, "name_filter": name_filter}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
