"""The ``truceline`` command.

Each sub-command lives beside the stage it drives (``truceline.<stage>.commands``) and is
imported only when it is invoked, so ``truceline --help`` stays fast and one stage's
optional dependencies never break another's command.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from truceline import __version__
from truceline.model.errors import TrucelineError

# name -> "module:attribute" of a click command or group. Keep alphabetical.
COMMANDS: dict[str, str] = {
    "ack": "truceline.protocol.commands:ack",
    "associate": "truceline.fuse.commands:associate_command",
    "demo": "truceline.demo.commands:demo",
    "ingest": "truceline.ingest.commands:ingest",
    "ledger": "truceline.ledger.commands:ledger",
    "protocol": "truceline.protocol.commands:protocol",
    "report": "truceline.report.commands:report",
    "score": "truceline.sim.scoring:score_command",
    "simulate": "truceline.sim.commands:simulate",
    "verdict": "truceline.attribute.commands:verdict",
    "verify": "truceline.ledger.commands:verify",
}


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported on first use."""

    def __init__(self, *args: Any, lazy: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self._lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._lazy:
            module_name, attribute = self._lazy[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{self._lazy[cmd_name]} is not a click command")
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="truceline")
def cli() -> None:
    """truceline: ceasefire monitoring and guarantee enforcement.

    Turns acoustic picks, patrol and open-source reports into located, attributed events;
    decides which violate the agreement; runs the escalation ladder; and keeps every fact
    in a tamper-evident log that anyone can verify offline.
    """


def main(argv: list[str] | None = None) -> None:
    """Console entry point: library errors become one clear line and exit code 2."""
    try:
        code = cli.main(args=argv, prog_name="truceline", standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except click.exceptions.Exit as stop:
        sys.exit(stop.exit_code)
    except click.ClickException as problem:
        problem.show()
        sys.exit(problem.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except TrucelineError as problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
