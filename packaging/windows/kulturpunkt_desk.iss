; Inno Setup 6 script: installs the one-folder desk (dist\kulturpunkt-desk) for the current
; user, in Danish, with a start-menu entry, an optional desktop shortcut and an uninstaller.
;
;   packaging\windows\build_windows.ps1        (builds the desk, then runs this script)
; or by hand, after PyInstaller:
;   iscc /DAppVersion=0.1.0 packaging\windows\kulturpunkt_desk.iss
;
; Uninstalling removes the program only: databases and backups in the user's data folder
; (%LOCALAPPDATA%\RegionNordjylland\KulturpunktDesk) are the team's records and stay.

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
; Per-user: no administrator rights; {autopf} becomes %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
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

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; Everything PyInstaller put in the folder, including the console twin kulturpunkt-desk-cli.exe.
Source: "..\..\dist\kulturpunkt-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Kulturpunkt-programmets lokalområder, tilskud, sparring og evaluering"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
