"""A real HTTP receiver on loopback that checks every delivery with the `standardwebhooks`
package, as a partner's endpoint would."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


class Receiver:
    def __init__(self, secret: str = "", statuses=(200,), delay: float = 0.0, answer: bytes = b"ok") -> None:
        self.secret, self.statuses, self.delay, self.answer = secret, list(statuses), delay, answer
        self.received: list[dict] = []
        self.in_flight: dict[str, int] = {}
        self.most_at_once = 0  # of one message
        self.busiest = 0  # of all messages
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                receiver.handle(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        arrived = time.time()
        body = request.rfile.read(int(request.headers["content-length"]))
        headers = {name.lower(): value for name, value in request.headers.items()}
        message_id = headers.get("webhook-id", "")
        with self.lock:
            self.in_flight[message_id] = self.in_flight.get(message_id, 0) + 1
            self.most_at_once = max(self.most_at_once, self.in_flight[message_id])
            self.busiest = max(self.busiest, sum(self.in_flight.values()))
            status = self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]
        time.sleep(self.delay)
        verified, refusal = None, ""
        if self.secret:
            try:
                verified = Webhook(self.secret).verify(body, headers)
            except WebhookVerificationError as error:
                refusal, status = str(error), 400
        with self.lock:
            self.in_flight[message_id] -= 1
            self.received.append(
                {
                    "id": message_id,
                    "headers": headers,
                    "body": json.loads(body),
                    "verified": verified,
                    "refusal": refusal,
                    "arrived": arrived,
                    "at": time.time(),
                    "path": request.path,
                }
            )
        request.send_response(status)
        request.send_header("content-length", str(len(self.answer)))
        request.end_headers()
        request.wfile.write(self.answer)

    def ids(self) -> list[str]:
        with self.lock:
            return [item["id"] for item in self.received]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
