# Test the built Windows desk (after PyInstaller; build_windows.ps1 runs this before making
# the installer): the same steps as packaging/test_bundle.sh on Linux. It starts offscreen,
# creates and checks a database, knows its version, shows its window with the demo areas
# and upgrades a file from schema 0001.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\test_bundle.ps1 [path\to\kulturpunkt-desk-cli.exe]
#
# The console twin kulturpunkt-desk-cli.exe is tested: the windowed .exe has no stdout.
# Keep this file ASCII: Windows PowerShell 5.1 reads a script without BOM as ANSI.
param([string]$Desk = "dist\kulturpunkt-desk\kulturpunkt-desk-cli.exe")
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
Set-Location (Join-Path $PSScriptRoot "..\..")
if (-not (Test-Path $Desk)) {
    Write-Host "Ingen bygget desk i ${Desk}: byg den med packaging\windows\build_windows.ps1"
    exit 2
}
$Desk = (Resolve-Path $Desk).Path

$work = Join-Path ([IO.Path]::GetTempPath()) ("kulturpunkt-test-" + [guid]::NewGuid())
New-Item -ItemType Directory $work | Out-Null
# Nothing from the build machine may leak in; backups and settings stay in $work.
$env:QT_QPA_PLATFORM = "offscreen"
$env:KULTURPUNKT_DATA_DIR = Join-Path $work "data"
$env:LOCALAPPDATA = Join-Path $work "localappdata"
$env:APPDATA = Join-Path $work "appdata"
# The desk writes UTF-8 (PYTHONUTF8); read it as UTF-8, not the console's OEM code page.
$env:PYTHONUTF8 = "1"
[Console]::OutputEncoding = [Text.Encoding]::UTF8
Remove-Item Env:PYTHONPATH, Env:PYTHONHOME, Env:KULTURPUNKT_DB -ErrorAction SilentlyContinue
$db = Join-Path $work "x.sqlite"
$script:failed = $false

function Step([string]$Name, [string]$Expected, [string[]]$Arguments) {
    # Windows PowerShell 5.1 turns a native program's stderr into errors under "Stop".
    $ErrorActionPreference = "Continue"
    $global:LASTEXITCODE = 0
    $out = (& $Desk @Arguments 2>&1 | Out-String)
    $rc = $LASTEXITCODE
    if ($rc -eq 0 -and $out -match $Expected) {
        Write-Host "ok    $Name"
    } else {
        Write-Host "FEJL  $Name (exit $rc)"
        ($out -split "`n" | Select-Object -Last 12) | ForEach-Object { Write-Host "      $_" }
        $script:failed = $true
    }
}

try {
    $version = (Select-String -Path kulturpunkt_desk\__init__.py -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
    Step "--version" "Kulturpunkt Desk $([regex]::Escape($version))" @("--version")
    Step "init --demo" "med demodata" @("init", "--db", $db, "--demo")
    Step "check" "Integritet: ok" @("check", "--db", $db)
    Step "vindue (offscreen)" "vinduet er vist med [1-9][0-9]* lokal" @("--db", $db, "--smoke-test")
    Step "ny database ved start" "vinduet er vist med 0 lokal" @("--db", (Join-Path $work "ny.sqlite"), "--smoke-test")
    Step "Qt's tekster paa dansk" "knapper p. dansk: ja" @("--db", $db, "--smoke-test")
    # A file from the first schema is backed up and migrated by the bundled revisions.
    $old = Join-Path $work "gammel.sqlite"
    Copy-Item tests\fixtures\schema_0001.sqlite $old
    Step "opgradering af gammel fil" "vinduet er vist med" @("--db", $old, "--smoke-test")
    Step "check efter opgradering" "Integritet: ok" @("check", "--db", $old)
    if (-not (Get-ChildItem -Recurse $env:KULTURPUNKT_DATA_DIR -Filter "*foer-opgradering*")) {
        Write-Host "FEJL  sikkerhedskopi foer opgradering"
        $script:failed = $true
    }
} finally {
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

if ($script:failed) {
    Write-Host "Den byggede desk fejlede."
    exit 1
}
Write-Host "Den byggede desk virker: $Desk"
exit 0
