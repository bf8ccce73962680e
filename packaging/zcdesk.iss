; Inno Setup 6 script: the Windows installer for zcdesk (docs/windows.md).
;
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\zcdesk.iss
;
; Input: the PyInstaller bundle dist\zcdesk\ (zcdesk.exe, zcdesk-cli.exe, _internal\).
; Output: dist\zcdesk-<version>-setup.exe.
;
; Installs into Program Files\zcdesk (per machine, needs an administrator), adds the
; start-menu shortcut 职称材料受理 and, on request, one on the desktop. Uninstalling removes
; the program folder only: the databases, backups and logs in the user's
; %LOCALAPPDATA%\zcdesk are never listed here, so they stay.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; The AppId ties upgrades and the uninstaller to this product: never change it.
AppId={{5A0F3C52-8C1E-4E8B-9D7A-2F6B1C4E7D10}
AppName=职称材料受理
AppVersion={#AppVersion}
AppVerName=职称材料受理 {#AppVersion}
AppPublisher=zcdesk
VersionInfoVersion={#AppVersion}
VersionInfoProductName=职称材料受理 (zcdesk)
DefaultDirName={autopf}\zcdesk
DefaultGroupName=职称材料受理
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
LicenseFile=..\LICENSE
SetupIconFile=..\resources\icons\zcdesk.ico
UninstallDisplayIcon={app}\zcdesk.exe
UninstallDisplayName=职称材料受理 {#AppVersion}
OutputDir=..\dist
OutputBaseFilename=zcdesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; a running zcdesk holds its files: ask to close it before replacing them
CloseApplications=yes

[Languages]
; Inno Setup 6.5 and later ship ChineseSimplified.isl; for an older version copy the
; translation from https://jrsoftware.org/files/istrans/ into its Languages folder.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole bundle; ignoreversion: the bundle's DLLs are replaced as built
Source: "..\dist\zcdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\LICENSE"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\THIRD_PARTY_NOTICES.md"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\职称材料受理"; Filename: "{app}\zcdesk.exe"; WorkingDir: "{app}"; Comment: "职称纸质材料受理窗口"
Name: "{autoprograms}\职称材料受理（演示数据库）"; Filename: "{app}\zcdesk.exe"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{autodesktop}\职称材料受理"; Filename: "{app}\zcdesk.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\zcdesk.exe"; Description: "{cm:LaunchProgram,职称材料受理}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry: nothing outside {app} is removed. The user's data folder
; (%LOCALAPPDATA%\zcdesk: zcdesk.sqlite3, backups\, Logs\) stays for the next version.
