from teikit.build import project as projects
from teikit.build.runner import Options, build
from teikit.build.watch import watch


def test_watch_rebuilds_after_a_change_then_stops(editions_project):
    edition = editions_project / "tei" / "wca-117244.xml"
    summaries = []
    changes = []

    def one_build(project):
        summaries.append(build(project, Options(jobs=1)))
        return 0

    def change_once():
        if not changes:
            changes.append(edition)
            edition.write_text(edition.read_text(encoding="utf-8").replace(
                "The regional issues", "The regional ISSUES"), encoding="utf-8")

    code = watch(editions_project, lambda: projects.load(editions_project), one_build,
                 interval=0.05, max_builds=2, timeout=60, on_wait=change_once)
    assert code == 0 and len(summaries) == 2
    assert summaries[0].rendered == 2 and summaries[1].rendered == 1
    text = (editions_project / "output" / "text" / "wca-117244.txt").read_text(encoding="utf-8")
    assert "The regional ISSUES" in text


def test_watch_without_changes_stops_at_its_timeout(editions_project):
    builds = []
    code = watch(editions_project, lambda: projects.load(editions_project),
                 lambda p: builds.append(p) or 0, interval=0.05, timeout=0.3)
    assert code == 0 and len(builds) == 1


def test_watch_reports_a_broken_configuration_and_builds_once_it_is_fixed(editions_project,
                                                                          capsys):
    config = editions_project / "teikit.toml"
    good = config.read_text()
    steps = iter([lambda: config.write_text(good + "bogus = 1\n"),
                  lambda: None, lambda: config.write_text(good + "\n")])
    builds = []
    code = watch(editions_project, lambda: projects.load(editions_project),
                 lambda p: builds.append(p) or 0, interval=0.05, max_builds=3, timeout=60,
                 on_wait=lambda: next(steps, lambda: None)())
    assert code == 0 and len(builds) == 2
    assert "bogus: unknown key" in capsys.readouterr().err
