"""Baseline for issue 6: fetch every migration task with the official Huawei Cloud Python SDK.

A plain paging loop, as a user of `huaweicloudsdkdcs` would write it: `ListMigrationTaskRequest`
with offset and limit=1000 until `count` is reached. Talks to 127.0.0.1 only (the simulator).
Prints one JSON line: {"tasks": n, "pages": p, "seconds": s, "cpu_seconds": c} (wall and CPU of the
loop, user+sys of this process, both counted from after the imports).

Usage: sdk_fetch.py ENDPOINT PROJECT_ID   (AK/SK from HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK)
"""
import json
import os
import sys
import time
from urllib.parse import urlparse

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkdcs.v2 import DcsClient, ListMigrationTaskRequest


def main():
    endpoint, project_id = sys.argv[1], sys.argv[2]
    if urlparse(endpoint).hostname != "127.0.0.1":
        sys.exit("sdk_fetch.py talks to 127.0.0.1 only")
    started = time.monotonic()
    cpu_started = time.process_time()
    credentials = BasicCredentials(os.environ["HUAWEICLOUD_SDK_AK"], os.environ["HUAWEICLOUD_SDK_SK"], project_id)
    config = HttpConfig.get_default_config()
    config.ignore_ssl_verification = True
    client = DcsClient.new_builder().with_credentials(credentials).with_endpoint(endpoint) \
        .with_http_config(config).build()
    tasks, pages, offset = 0, 0, 0
    while True:
        response = client.list_migration_task(ListMigrationTaskRequest(offset=offset, limit=1000))
        batch = response.migration_tasks or []
        tasks += len(batch)
        pages += 1
        offset += len(batch)
        if not batch or offset >= (response.count or 0):
            break
    print(json.dumps({"tasks": tasks, "pages": pages, "seconds": time.monotonic() - started,
                      "cpu_seconds": time.process_time() - cpu_started}))


if __name__ == "__main__":
    main()
