# SPDX-License-Identifier: GPL-3.0-or-later
# Install rules beyond the executables: the systemd unit for tandemd and the licence.
if(UNIX AND NOT APPLE)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/systemd/tandemd.service
            DESTINATION ${CMAKE_INSTALL_LIBDIR}/systemd/system)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
