; Inno Setup 6 script: the Windows installer of Beställningsassistenten, from the PyInstaller folder.
;
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\Bestallningsassistenten-0.1.0 packaging\windows\bestallning.iss
;
; Installs per user without administrator rights by default (researchers on managed laptops), or for all
; users when started as administrator with /ALLUSERS (university IT). Silent install for IT:
;   Bestallningsassistenten-<version>-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS /LOG="%TEMP%\bestallning-setup.log"
; Silent uninstall: "%ProgramFiles%\Bestallningsassistenten\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES
; (per-user: %LOCALAPPDATA%\Programs\Bestallningsassistenten\unins000.exe). See packaging/README.md.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z /DSourceDir=... bestallning.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Bestallningsassistenten-" + AppVersion
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; The AppId identifies the app across versions (upgrades replace, uninstall finds it): never change it.
AppId={{6F1B2C4E-8A5D-4E7B-9C3A-2D5E8F1A7B40}
AppName=Beställningsassistenten
AppVersion={#AppVersion}
AppVerName=Beställningsassistenten {#AppVersion}
AppPublisher=Beställningsassistenten contributors
AppComments=Beställ individdata från Försäkringskassan
DefaultDirName={autopf}\Bestallningsassistenten
DefaultGroupName=Beställningsassistenten
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=Bestallningsassistenten-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\bestallning.ico
UninstallDisplayIcon={app}\Bestallningsassistenten.exe
UninstallDisplayName=Beställningsassistenten {#AppVersion}
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before files are replaced (silent installs too).
CloseApplications=yes
RestartApplications=no
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Beställningsassistenten

[Languages]
; Inno Setup ships no official Swedish messages file; the app itself is Swedish.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion

[InstallDelete]
; An upgrade must not leave the previous version's libraries beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Beställningsassistenten"; Filename: "{app}\Bestallningsassistenten.exe"; Comment: "Beställ individdata från Försäkringskassan"
Name: "{autodesktop}\Beställningsassistenten"; Filename: "{app}\Bestallningsassistenten.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Bestallningsassistenten.exe"; Description: "{cm:LaunchProgram,Beställningsassistenten}"; Flags: nowait postinstall skipifsilent
