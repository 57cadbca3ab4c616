from __future__ import annotations

import signal
import threading
import time

import pytest

from newsgraph.deadline import DocumentTimeout, deadline


def test_deadline_interrupts_a_long_python_loop() -> None:
    t = time.monotonic()
    with pytest.raises(DocumentTimeout), deadline(0.2):
        while time.monotonic() - t < 20:  # bounded, so a broken deadline fails instead of hanging
            sum(range(1000))
    assert time.monotonic() - t < 5


def test_deadline_disarms_after_block() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with deadline(0.2):
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0  # armed inside the block
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no stray alarm left to fire
    assert signal.getsignal(signal.SIGALRM) is before  # the previous handler is back


def test_deadline_is_a_noop_off_the_main_thread() -> None:
    out: list[str] = []

    def work() -> None:
        with deadline(0.01):
            time.sleep(0.05)
        out.append("done")

    th = threading.Thread(target=work)
    th.start()
    th.join()
    assert out == ["done"]


def test_nested_deadline_keeps_outer_timer() -> None:
    t = time.monotonic()
    # the outer one is due first: it still fires
    with pytest.raises(DocumentTimeout, match=r"0\.3s"), deadline(0.3), deadline(10):
        time.sleep(2)
    assert time.monotonic() - t < 1.5


def test_inner_deadline_under_a_longer_outer_timer() -> None:
    left_after_inner: list[float] = []
    with pytest.raises(DocumentTimeout, match="2s"), deadline(2):
        with pytest.raises(DocumentTimeout, match=r"0\.2s"), deadline(0.2):
            time.sleep(1)
        left_after_inner.append(signal.getitimer(signal.ITIMER_REAL)[0])
        time.sleep(5)  # bounded: the re-armed outer timer ends this sleep
    # the outer timer was re-armed with what it had left: less than its 2 s by at least the inner 0.2 s
    assert 0 < left_after_inner[0] <= 1.8


_STORY = (
    "The minister said on Monday that the new budget would pass before the end of the month, and that "
    "the opposition had agreed to support it.\n\nCritics said the plan would raise taxes for most families, "
    "and several members of parliament said they would vote against it when it comes to the floor.\n"
)


def test_pipeline_turns_a_slow_document_into_an_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """One document that exceeds the limit gets an error; the others in the batch are processed."""
    import newsgraph.clean as clean_mod
    from newsgraph.ingest import RawDocument
    from newsgraph.models import Source
    from newsgraph.pipeline import prepare_batch

    real = clean_mod.clean_text

    def slow_on_marker(text: str, **kw: object) -> object:
        if "SLOW" in text:
            t = time.monotonic()
            while time.monotonic() - t < 30:  # bounded: a broken deadline fails the test instead of hanging
                sum(range(1000))
        return real(text, **kw)  # type: ignore[arg-type]

    def batch(texts: list[str]) -> list[object]:
        return [slow_on_marker(t) for t in texts]

    monkeypatch.setattr(clean_mod, "clean_text", slow_on_marker)
    monkeypatch.setattr(clean_mod, "clean_batch", batch)
    monkeypatch.setenv("NEWSGRAPH_DOC_TIMEOUT", "0.5")
    raws = [
        RawDocument(Source(path=f"{i}.txt"), t)
        for i, t in enumerate([_STORY, "SLOW doc", _STORY.replace("minister", "mayor")])
    ]
    arts = prepare_batch(raws)
    assert [a.source.path for a in arts] == ["0.txt", "1.txt", "2.txt"]
    assert any("timed out" in e.message for e in arts[1].errors)
    assert arts[0].body and arts[2].body
    assert not any("timed out" in e.message for a in (arts[0], arts[2]) for e in a.errors)
