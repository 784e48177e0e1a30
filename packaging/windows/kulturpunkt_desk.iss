; Inno Setup 6 script: installs the one-folder desk (dist\kulturpunkt-desk), in Danish,
; with a start-menu entry, an optional desktop shortcut and an uninstaller.
;
;   packaging\windows\build_windows.ps1        (builds, tests and signs the desk, then runs this)
; or by hand, after PyInstaller:
;   iscc /DAppVersion=0.1.0 packaging\windows\kulturpunkt_desk.iss
; signed with the region's certificate (build_windows.ps1 -CertificateThumbprint does this):
;   iscc /DAppVersion=0.1.0 /DSign "/Sregionsign=$qC:\...\signtool.exe$q sign /sha1 <thumbprint>
;        /fd sha256 /tr <timestamp url> /td sha256 $f" packaging\windows\kulturpunkt_desk.iss
;
; Per user by default (no administrator rights, into %LOCALAPPDATA%\Programs); IT installs
; for all users (into Program Files) with /ALLUSERS, silently for example:
;   kulturpunkt-desk-X.Y.Z-installation.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS
;
; Uninstalling removes the program only: databases and backups in each user's data folder
; (%LOCALAPPDATA%\RegionNordjylland\KulturpunktDesk) are the team's records and stay.
; So there is no [UninstallDelete] section, and none may name the data folder.

; UTF-8 without a byte-order mark and x64compatible both need Inno Setup 6.3.
#if Ver < EncodeVer(6, 3, 0)
  #error Brug Inno Setup 6.3 eller nyere
#endif
#ifndef AppVersion
  #error Angiv versionen: iscc /DAppVersion=X.Y.Z kulturpunkt_desk.iss
#endif
#define AppName "Kulturpunkt Desk"
#define AppExe "kulturpunkt-desk.exe"
#define Publisher "Region Nordjylland"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{3E3459C0-3D72-44FD-A62F-6FC2FF1B2108}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#Publisher}
AppCopyright=© {#Publisher}, Regional Udvikling
VersionInfoVersion={#AppVersion}
VersionInfoCompany={#Publisher}
VersionInfoDescription=Installation af {#AppName}
VersionInfoProductName={#AppName}
; Per-user unless IT chooses all users (/ALLUSERS, or the dialog): {autopf} is then
; Program Files instead of %LOCALAPPDATA%\Programs, {autoprograms} the common start menu.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
; The desk reads and writes only the user's own data folder, also when installed for all.
UsedUserAreasWarning=no
; Windows 10 and 11: what the bundled Python 3.11 and Qt 6 run on.
MinVersion=10.0
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\..\resources\icons\kulturpunkt.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=kulturpunkt-desk-{#AppVersion}-installation
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
; A running desk is asked to close first, so its files can be replaced.
CloseApplications=yes
RestartApplications=no
#ifdef Sign
; The installer and the uninstaller carry the region's signature; SmartScreen and
; AppLocker rules know the publisher. The sign tool itself is given on the command line.
SignTool=regionsign
SignedUninstaller=yes
#endif

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade first removes the previous version's program files: PyInstaller's folder
; holds versioned libraries (Qt, Python), and a DLL left from the old version can be
; loaded by the new one. Only program files live in {app}; user data never does.
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\kulturpunkt-desk*.exe"

[Files]
; Everything PyInstaller put in the folder, including the console twin kulturpunkt-desk-cli.exe.
Source: "..\..\dist\kulturpunkt-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Kulturpunkt-programmets lokalområder, tilskud, sparring og evaluering"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
