<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Profile</name>
    <message numerus="yes">
        <source>A profile name has at most %n characters.</source>
        <translation>
            <numerusform>A profile name has at most %n characters.</numerusform>
            <numerusform>A profile name has at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onramp::cli</name>
    <message numerus="yes">
        <source>   job %1 waits in the queue (%2) for %n second(s) …</source>
        <translation>
            <numerusform>   job %1 waits in the queue (%2) for %n second …</numerusform>
            <numerusform>   job %1 waits in the queue (%2) for %n seconds …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed.</source>
        <translation>
            <numerusform>%n check failed.</numerusform>
            <numerusform>%n checks failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing failed (%n check(s) and snippet(s) run).</source>
        <translation>
            <numerusform>Nothing failed (%n check and snippet run).</numerusform>
            <numerusform>Nothing failed (%n checks and snippets run).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onramp::cluster</name>
    <message numerus="yes">
        <source>The job asked Slurm for %n GPU(s), but PyTorch sees %1.</source>
        <translation>
            <numerusform>The job asked Slurm for %n GPU, but PyTorch sees %1.</numerusform>
            <numerusform>The job asked Slurm for %n GPUs, but PyTorch sees %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onramp::setup::guided</name>
    <message numerus="yes">
        <source>“%1” is ready: PyTorch sees %n GPU(s) on %2.</source>
        <translation>
            <numerusform>“%1” is ready: PyTorch sees %n GPU on %2.</numerusform>
            <numerusform>“%1” is ready: PyTorch sees %n GPUs on %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Slurm has not started job %1 (it asks for %n GPU(s)) yet: %2</source>
        <translation>
            <numerusform>Slurm has not started job %1 (it asks for %n GPU) yet: %2</numerusform>
            <numerusform>Slurm has not started job %1 (it asks for %n GPUs) yet: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>conda planned a CPU-only PyTorch (%1), but you asked for %n GPU(s); it would install and then never use the GPU.</source>
        <translation>
            <numerusform>conda planned a CPU-only PyTorch (%1), but you asked for %n GPU; it would install and then never use the GPU.</numerusform>
            <numerusform>conda planned a CPU-only PyTorch (%1), but you asked for %n GPUs; it would install and then never use the GPU.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The environment’s %n package(s) were recorded.</source>
        <translation>
            <numerusform>The environment’s %n package was recorded.</numerusform>
            <numerusform>The environment’s %n packages were recorded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onramp::setup::runs</name>
    <message numerus="yes">
        <source>Some processes did not stop within %n second(s) and were killed.</source>
        <translation>
            <numerusform>Some processes did not stop within %n second and were killed.</numerusform>
            <numerusform>Some processes did not stop within %n seconds and were killed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onramp::ssh</name>
    <message numerus="yes">
        <source>No answer came within %n second(s), so Onramp stopped signing in. Connect again when you have your password or code ready.</source>
        <translation>
            <numerusform>No answer came within %n second, so Onramp stopped signing in. Connect again when you have your password or code ready.</numerusform>
            <numerusform>No answer came within %n seconds, so Onramp stopped signing in. Connect again when you have your password or code ready.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The command did not finish within %n second(s) and was stopped.</source>
        <translation>
            <numerusform>The command did not finish within %n second and was stopped.</numerusform>
            <numerusform>The command did not finish within %n seconds and was stopped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onramp::ui::AllocationForm</name>
    <message numerus="yes">
        <source>Asking Slurm for %n GPU(s) on partition %1…</source>
        <translation>
            <numerusform>Asking Slurm for %n GPU on partition %1…</numerusform>
            <numerusform>Asking Slurm for %n GPUs on partition %1…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onramp::ui::GpuDashboard</name>
    <message numerus="yes">
        <source>Job %1 (%2) on %3 · %n GPU(s)</source>
        <translation>
            <numerusform>Job %1 (%2) on %3 · %n GPU</numerusform>
            <numerusform>Job %1 (%2) on %3 · %n GPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated at %1 · every %n second(s)</source>
        <translation>
            <numerusform>Updated at %1 · every %n second</numerusform>
            <numerusform>Updated at %1 · every %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onramp::ui::JobsView</name>
    <message numerus="yes">
        <source>Updated at %1 · every %n second(s)</source>
        <translation>
            <numerusform>Updated at %1 · every %n second</numerusform>
            <numerusform>Updated at %1 · every %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its %n GPU(s) are shown live in the GPU view.</source>
        <translation>
            <numerusform>Its GPU is shown live in the GPU view.</numerusform>
            <numerusform>Its %n GPUs are shown live in the GPU view.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onramp::ui::LogPane</name>
    <message numerus="yes">
        <source>… %n earlier line(s) skipped to keep up with the output.</source>
        <translation>
            <numerusform>… %n earlier line skipped to keep up with the output.</numerusform>
            <numerusform>… %n earlier lines skipped to keep up with the output.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older line(s) removed</source>
        <translation>
            <numerusform>%n older line removed</numerusform>
            <numerusform>%n older lines removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This pane keeps the last %n line(s); older ones are removed to keep it fast. Save the output to keep everything shown so far.</source>
        <translation>
            <numerusform>This pane keeps the last %n line; older ones are removed to keep it fast. Save the output to keep everything shown so far.</numerusform>
            <numerusform>This pane keeps the last %n lines; older ones are removed to keep it fast. Save the output to keep everything shown so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onramp::ui::SetupPage</name>
    <message numerus="yes">
        <source>%1 … (%n more line(s))</source>
        <translation>
            <numerusform>%1 … (%n more line)</numerusform>
            <numerusform>%1 … (%n more lines)</numerusform>
        </translation>
    </message>
</context>
</TS>
