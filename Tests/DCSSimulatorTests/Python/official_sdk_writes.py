"""Sends the six write requests of issue 17 to the dcswatch simulator with the official Huawei Cloud
Python SDK (huaweicloudsdkdcs), as its own request classes build and sign them.

Usage: official_sdk_writes.py ENDPOINT PROJECT_ID AK SK PHASE IDS_JSON
PHASE "first": stop one, batch-stop, batch-restart, exchange-ip, delete, a refused stop, 51 ids.
PHASE "second": rollback-ip and batch-restart of the tasks the first phase stopped.
IDS_JSON names the tasks: {"stop_one", "batch_stop": [..], "restart": [..], "exchange", "delete": [..],
"refused"}. Prints one JSON document with each call's status and answer; exit code 3 when the SDK is
not importable. Only 127.0.0.1 is reached (the interop script's guard is imported).
"""
import json
import sys

import official_sdk_interop as interop  # installs the loopback-only guard and imports the SDK

try:
    from huaweicloudsdkcore.exceptions import exceptions
    from huaweicloudsdkdcs.v2 import (BatchRestartOnlineMigrationTasksBody, BatchRestartOnlineMigrationTasksRequest,
                                      BatchStopMigrationTasksBody, BatchStopMigrationTasksRequest,
                                      DeleteMigrateTaskRequest, DeleteMigrationTaskRequest, ExchangeInstanceIpRequest,
                                      IpExchangeRequest, RollbackExchangeInstanceIpRequest, StopMigrationTaskRequest)
except ImportError as error:
    sys.stderr.write("official SDK not importable (%s)\n" % error)
    sys.exit(3)


def call(send):
    """The status and answer of one call; an error answer as its status and code."""
    try:
        response = send()
        return {"status": response.status_code, "answer": response.to_dict()}
    except exceptions.ClientRequestException as error:
        return {"status": error.status_code, "code": error.error_code}


def results(answer):
    return {item["task_id"]: item["result"] for item in (answer.get("answer", {}).get("migration_tasks") or [])}


def main():
    endpoint, project_id, ak, sk, phase, ids_text = sys.argv[1:7]
    ids = json.loads(ids_text)
    client = interop.make_client(endpoint, project_id, ak, sk)
    out = {}
    if phase == "first":
        stopped = call(lambda: client.stop_migration_task(StopMigrationTaskRequest(task_id=ids["stop_one"])))
        out["stop_one"] = {"status": stopped["status"], "task_id": stopped.get("answer", {}).get("task_id")}
        batch = call(lambda: client.batch_stop_migration_tasks(BatchStopMigrationTasksRequest(
            body=BatchStopMigrationTasksBody(migration_tasks=ids["batch_stop"]))))
        out["batch_stop"] = {"status": batch["status"], "results": results(batch)}
        restart = call(lambda: client.batch_restart_online_migration_tasks(BatchRestartOnlineMigrationTasksRequest(
            body=BatchRestartOnlineMigrationTasksBody(migration_tasks=ids["restart"]))))
        out["restart"] = {"status": restart["status"], "results": results(restart)}
        out["exchange"] = call(lambda: client.exchange_instance_ip(ExchangeInstanceIpRequest(
            task_id=ids["exchange"], body=IpExchangeRequest(is_exchange_domain=False))))
        out["exchange"].pop("answer", None)
        deleted = call(lambda: client.delete_migration_task(DeleteMigrationTaskRequest(
            body=DeleteMigrateTaskRequest(task_id_list=ids["delete"]))))
        out["delete"] = {"status": deleted["status"], "task_id_list": deleted.get("answer", {}).get("task_id_list")}
        out["refused"] = call(lambda: client.stop_migration_task(StopMigrationTaskRequest(task_id=ids["refused"])))
        out["refused"].pop("answer", None)
        out["too_many"] = call(lambda: client.batch_stop_migration_tasks(BatchStopMigrationTasksRequest(
            body=BatchStopMigrationTasksBody(migration_tasks=[ids["stop_one"]] * 51))))
        out["too_many"].pop("answer", None)
    else:
        out["rollback"] = call(lambda: client.rollback_exchange_instance_ip(
            RollbackExchangeInstanceIpRequest(task_id=ids["exchange"])))
        out["rollback"].pop("answer", None)
        restart = call(lambda: client.batch_restart_online_migration_tasks(BatchRestartOnlineMigrationTasksRequest(
            body=BatchRestartOnlineMigrationTasksBody(migration_tasks=ids["batch_stop"]))))
        out["restart"] = {"status": restart["status"], "results": results(restart)}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
