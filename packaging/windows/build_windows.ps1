# Build, test and (optionally) sign the Windows desk and its installer:
# dist\kulturpunkt-desk\ and dist\kulturpunkt-desk-<version>-installation.exe.
# Needs Python 3.11+, Inno Setup 6.3+ and, for signing, signtool.exe (Windows SDK).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1 `
#       -CertificateThumbprint <sha1 of the region's code-signing certificate>
#
# The certificate is used from the Windows certificate store (or the token/HSM its
# provider exposes there), so no key file or password is passed on the command line.
# Every step stops the build when it fails: a native program's exit code is not an error
# to PowerShell by itself, so each one runs through Invoke-Step.
# Keep this file ASCII: Windows PowerShell 5.1 reads a script without BOM as ANSI.
param(
    [string]$CertificateThumbprint = $env:KULTURPUNKT_SIGN_THUMBPRINT,
    [string]$TimestampUrl = "http://timestamp.digicert.com"
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
Set-Location (Join-Path $PSScriptRoot "..\..")

function Invoke-Step([string]$What, [scriptblock]$Command) {
    Write-Host "== $What"
    $global:LASTEXITCODE = 0
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What fejlede (exit $LASTEXITCODE)" }
}

function Find-Tool([string]$Name, [string[]]$Candidates) {
    foreach ($candidate in $Candidates) { if ($candidate -and (Test-Path $candidate)) { return $candidate } }
    $found = Get-Command $Name -ErrorAction SilentlyContinue
    if ($found) { return $found.Source }
    throw "$Name blev ikke fundet"
}

$sign = [bool]$CertificateThumbprint
if ($sign) {
    $kits = Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin"
    $sdk = @(Get-ChildItem $kits -Filter signtool.exe -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -like "*\x64\*" } | Sort-Object FullName -Descending |
        Select-Object -First 1 -ExpandProperty FullName)
    $signtool = Find-Tool "signtool.exe" $sdk
    $signArgs = @("sign", "/sha1", $CertificateThumbprint, "/fd", "sha256", "/tr", $TimestampUrl, "/td", "sha256")
}

if (-not (Test-Path .venv\Scripts\python.exe)) {
    Invoke-Step "Opret .venv" { python -m venv .venv }
}
Invoke-Step "Installer afhaengigheder" { .venv\Scripts\python -m pip install -q -e ".[packaging]" }
Invoke-Step "PyInstaller" {
    .venv\Scripts\python -m PyInstaller --noconfirm --clean --log-level WARN `
        --distpath dist --workpath build\pyinstaller packaging\kulturpunkt_desk.spec
}

if ($sign) {
    # The program files themselves too: the installer's signature does not cover them.
    $exes = @(Get-ChildItem dist\kulturpunkt-desk\*.exe | ForEach-Object { $_.FullName })
    Invoke-Step "Signer programfilerne" { & $signtool @signArgs @exes }
}

Invoke-Step "Test af den byggede desk" {
    powershell -NoProfile -ExecutionPolicy Bypass -File packaging\windows\test_bundle.ps1
}

$version = (Select-String -Path kulturpunkt_desk\__init__.py -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
$iscc = Find-Tool "ISCC.exe" @((Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"))
$isccArgs = @("/DAppVersion=$version")
if ($sign) {
    # Inno Setup signs the installer and the uninstaller it writes: $q is a quote, $f the
    # file to sign (see SignTool in kulturpunkt_desk.iss).
    $isccArgs += @("/DSign", "/Sregionsign=`$q$signtool`$q $($signArgs -join ' ') `$f")
}
Invoke-Step "Inno Setup" { & $iscc @isccArgs packaging\windows\kulturpunkt_desk.iss }

$installer = "dist\kulturpunkt-desk-$version-installation.exe"
if ($sign) {
    Invoke-Step "Kontroller signaturen" { & $signtool verify /pa /all $installer }
}
Write-Host "Installationsprogram: $installer"
