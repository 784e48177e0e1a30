# Build the Windows desk and its installer: dist\kulturpunkt-desk\ and
# dist\kulturpunkt-desk-<version>-installation.exe. Needs Python 3.11+ and Inno Setup 6.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path .venv\Scripts\python.exe)) { python -m venv .venv }
.venv\Scripts\python -m pip install -q -e ".[packaging]"
.venv\Scripts\python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\kulturpunkt_desk.spec

# The console twin answers on the command line; a quick sign the bundle starts at all.
dist\kulturpunkt-desk\kulturpunkt-desk-cli.exe --version
if ($LASTEXITCODE -ne 0) { throw "Den byggede desk starter ikke" }

$version = (Select-String -Path kulturpunkt_desk\__init__.py -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { $iscc = "ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\kulturpunkt_desk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup fejlede" }
Write-Host "Installationsprogram: dist\kulturpunkt-desk-$version-installation.exe"
