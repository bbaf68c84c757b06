"""`python -m assistant` runs the replyvoice command."""

from assistant.cli import main

main()
