<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
</context>
</TS>
