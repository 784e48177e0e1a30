@echo off
rem Build the Windows desk and installer from cmd.exe; arguments go on to the PowerShell
rem script (e.g. -CertificateThumbprint ...). Stops with the script's exit code.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build_windows.ps1" %*
exit /b %ERRORLEVEL%
