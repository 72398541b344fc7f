<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>AgencyCode</name>
    <message>
        <source>The agency code is empty.</source>
        <translation>Mã cơ quan đang để trống.</translation>
    </message>
    <message>
        <source>The agency code &quot;%1&quot; is longer than %2 characters.</source>
        <translation>Mã cơ quan &quot;%1&quot; dài quá %2 ký tự.</translation>
    </message>
    <message>
        <source>The agency code &quot;%1&quot; has an empty group between dots.</source>
        <translation>Mã cơ quan &quot;%1&quot; có nhóm trống giữa hai dấu chấm.</translation>
    </message>
    <message>
        <source>The agency code &quot;%1&quot; may contain only letters A-Z, digits and dots.</source>
        <translation>Mã cơ quan &quot;%1&quot; chỉ được chứa chữ cái A-Z, chữ số và dấu chấm.</translation>
    </message>
</context>
<context>
    <name>CadesSignedData</name>
    <message>
        <source>The signing certificate cannot be read; choose another certificate.</source>
        <translation>Không đọc được chứng thư số dùng để ký; hãy chọn chứng thư số khác.</translation>
    </message>
    <message>
        <source>The signing certificate has neither an RSA nor an ECDSA key; choose another certificate.</source>
        <translation>Chứng thư số dùng để ký không có khóa RSA hay ECDSA; hãy chọn chứng thư số khác.</translation>
    </message>
    <message>
        <source>The signing key does not match the chosen certificate; choose the certificate that belongs to the key.</source>
        <translation>Khóa ký không khớp với chứng thư số đã chọn; hãy chọn chứng thư số đi cùng khóa đó.</translation>
    </message>
    <message>
        <source>The signature container is damaged; sign the document again.</source>
        <translation>Khối dữ liệu chữ ký bị hỏng; hãy ký lại tài liệu.</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>The procedure catalogue is not valid JSON (at byte %1: %2).</source>
        <translation>Danh mục thủ tục hành chính không phải là JSON hợp lệ (tại byte %1: %2).</translation>
    </message>
    <message>
        <source>The procedure catalogue must be a JSON object.</source>
        <translation>Danh mục thủ tục hành chính phải là một đối tượng JSON.</translation>
    </message>
    <message>
        <source>The procedure catalogue has format %1; this version reads format %2.</source>
        <translation>Danh mục thủ tục hành chính có định dạng %1; phiên bản này chỉ đọc được định dạng %2.</translation>
    </message>
    <message>
        <source>%1: procedure code %2 is listed twice.</source>
        <translation>%1: mã thủ tục %2 bị liệt kê hai lần.</translation>
    </message>
    <message>
        <source>%1 in the procedure catalogue must be an object.</source>
        <translation>%1 trong danh mục thủ tục phải là một đối tượng.</translation>
    </message>
    <message>
        <source>%1 in the procedure catalogue must be a list.</source>
        <translation>%1 trong danh mục thủ tục phải là một danh sách.</translation>
    </message>
    <message>
        <source>%1 in the procedure catalogue must be a non-empty text.</source>
        <translation>%1 trong danh mục thủ tục phải là văn bản, không được để trống.</translation>
    </message>
    <message>
        <source>%1 in the procedure catalogue must be true or false.</source>
        <translation>%1 trong danh mục thủ tục phải là true hoặc false.</translation>
    </message>
    <message>
        <source>%1 in the procedure catalogue: %2</source>
        <translation>%1 trong danh mục thủ tục: %2</translation>
    </message>
    <message>
        <source>%1.code: the catalogue lists national procedure codes without an agency suffix, not %2.</source>
        <translation>%1.code: danh mục ghi mã thủ tục quốc gia không kèm hậu tố mã cơ quan, không ghi %2.</translation>
    </message>
    <message>
        <source>%1.processingDays in the procedure catalogue must be a whole number of working days, 0 or more.</source>
        <translation>%1.processingDays trong danh mục thủ tục phải là số nguyên ngày làm việc, từ 0 trở lên.</translation>
    </message>
    <message>
        <source>%1: component code %2 is listed twice.</source>
        <translation>%1: mã thành phần hồ sơ %2 bị liệt kê hai lần.</translation>
    </message>
    <message>
        <source>%1: result code %2 is listed twice.</source>
        <translation>%1: mã kết quả %2 bị liệt kê hai lần.</translation>
    </message>
    <message>
        <source>%1: result code %2 is also used as a component code.</source>
        <translation>%1: mã kết quả %2 đồng thời được dùng làm mã thành phần hồ sơ.</translation>
    </message>
    <message>
        <source>The procedure catalogue %1 cannot be read: %2</source>
        <translation>Không đọc được danh mục thủ tục %1: %2</translation>
    </message>
    <message>
        <source>Procedure code %1 is not in the catalogue.</source>
        <translation>Mã thủ tục %1 không có trong danh mục.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a component nor a result of procedure %2 (%3). Its components are: %4. Its results are: %5.</source>
        <translation>&quot;%1&quot; không phải là thành phần hồ sơ hay kết quả của thủ tục %2 (%3). Các thành phần hồ sơ: %4. Các kết quả: %5.</translation>
    </message>
</context>
<context>
    <name>CatalogueApply</name>
    <message>
        <source>The province&apos;s catalogue lists an agency without a valid code and name (%1).</source>
        <translation>Danh mục của tỉnh có một cơ quan thiếu mã hoặc tên hợp lệ (%1).</translation>
    </message>
</context>
<context>
    <name>CataloguePull</name>
    <message>
        <source>The province&apos;s catalogue could not be read: %1</source>
        <translation>Không đọc được danh mục của tỉnh: %1</translation>
    </message>
    <message>
        <source>The province&apos;s catalogue was not applied: %1</source>
        <translation>Danh mục của tỉnh chưa được áp dụng: %1</translation>
    </message>
</context>
<context>
    <name>CitizenLookup</name>
    <message>
        <source>The purpose of a look-up is a code such as document-reuse, dossier-reception or identity-check.</source>
        <translation>Mục đích tra cứu là một mã như document-reuse, dossier-reception hoặc identity-check.</translation>
    </message>
    <message>
        <source>The purpose text must be at most 200 characters and hold no ID number.</source>
        <translation>Nội dung mục đích dài tối đa 200 ký tự và không được chứa số giấy tờ tùy thân.</translation>
    </message>
    <message>
        <source>The look-up did not reach the provincial hub (%1); try again when the connection is back.</source>
        <translation>Yêu cầu tra cứu chưa đến được máy chủ tỉnh (%1); hãy thử lại khi có kết nối.</translation>
    </message>
    <message>
        <source>The provincial hub refused the look-up: %1</source>
        <translation>Máy chủ tỉnh từ chối yêu cầu tra cứu: %1</translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <source>--source must be flatbed, adf or adf-duplex.</source>
        <translation>--source phải là flatbed, adf hoặc adf-duplex.</translation>
    </message>
    <message>
        <source>--mode must be color, gray or lineart.</source>
        <translation>--mode phải là color, gray hoặc lineart.</translation>
    </message>
    <message>
        <source>--dpi takes a positive number.</source>
        <translation>--dpi cần một số dương.</translation>
    </message>
    <message>
        <source>--max-pages takes a number.</source>
        <translation>--max-pages cần một số.</translation>
    </message>
    <message>
        <source>--set takes OPTION=VALUE, not &quot;%1&quot;.</source>
        <translation>--set cần giá trị dạng OPTION=VALUE, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Print one JSON document on standard output.</source>
        <translation>In kết quả thành một tài liệu JSON ra đầu ra chuẩn (stdout).</translation>
    </message>
    <message>
        <source>sohoa-cli %1 — see docs/CLI.md</source>
        <translation>sohoa-cli %1 — xem docs/CLI.md</translation>
    </message>
    <message>
        <source>Read the store passphrase from the first line of FILE (default: the SOHOA_PASSPHRASE variable).</source>
        <translation>Đọc mật khẩu kho dữ liệu từ dòng đầu tiên của FILE (mặc định: biến SOHOA_PASSPHRASE).</translation>
    </message>
    <message>
        <source>Invalid command line: %1</source>
        <translation>Dòng lệnh không hợp lệ: %1</translation>
    </message>
    <message>
        <source>--%1 is required.</source>
        <translation>Bắt buộc phải có --%1.</translation>
    </message>
    <message>
        <source>No scanner found.</source>
        <translation>Không tìm thấy máy quét nào.</translation>
    </message>
    <message>
        <source>The encrypted store file.</source>
        <translation>Tệp kho dữ liệu mã hóa.</translation>
    </message>
    <message>
        <source>Import pages from FILE instead of scanning.</source>
        <translation>Nhập các trang từ FILE thay vì quét.</translation>
    </message>
    <message>
        <source>Procedure code, e.g. 1.001193.</source>
        <translation>Mã thủ tục, ví dụ 1.001193.</translation>
    </message>
    <message>
        <source>Component code of the procedure, or one of its result codes.</source>
        <translation>Mã thành phần hồ sơ của thủ tục, hoặc một trong các mã kết quả của thủ tục.</translation>
    </message>
    <message>
        <source>Applicant&apos;s 12-digit personal ID, tax code or passport number.</source>
        <translation>Số định danh cá nhân (12 chữ số), mã số thuế hoặc số hộ chiếu của người nộp hồ sơ.</translation>
    </message>
    <message>
        <source>Applicant&apos;s full name.</source>
        <translation>Họ và tên người nộp hồ sơ.</translation>
    </message>
    <message>
        <source>OCR languages (default vie).</source>
        <translation>Ngôn ngữ nhận dạng chữ OCR (mặc định: vie).</translation>
    </message>
    <message>
        <source>OCR worker threads (default: cores).</source>
        <translation>Số luồng xử lý nhận dạng chữ OCR (mặc định: bằng số nhân CPU).</translation>
    </message>
    <message>
        <source>More input files (with --input).</source>
        <translation>Các tệp đầu vào bổ sung (dùng cùng --input).</translation>
    </message>
    <message>
        <source>Give either --device or --input.</source>
        <translation>Hãy chỉ định --device hoặc --input.</translation>
    </message>
    <message>
        <source>--jobs takes a number.</source>
        <translation>--jobs cần một số.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <source>Internal error: %1</source>
        <translation>Lỗi nội bộ: %1</translation>
    </message>
    <message>
        <source>Write the searchable PDF to FILE.</source>
        <translation>Ghi PDF có thể tìm kiếm ra FILE.</translation>
    </message>
    <message>
        <source>Also write the recognized text to FILE.</source>
        <translation>Ghi thêm văn bản đã nhận dạng ra FILE.</translation>
    </message>
    <message>
        <source>PNG, JPEG, TIFF, PNM or PDF files.</source>
        <translation>Tệp PNG, JPEG, TIFF, PNM hoặc PDF.</translation>
    </message>
    <message>
        <source>ocr needs at least one input file.</source>
        <translation>Lệnh ocr cần ít nhất một tệp đầu vào.</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 pages).</source>
        <translation>Đã ghi %1 (%2 trang).</translation>
    </message>
    <message>
        <source>Officer ID for the dossier history.</source>
        <translation>Mã cán bộ ghi vào lịch sử xử lý hồ sơ.</translation>
    </message>
    <message>
        <source>Write each page as a PNG file into DIR.</source>
        <translation>Ghi mỗi trang thành một tệp PNG trong thư mục DIR.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Không tạo được thư mục %1.</translation>
    </message>
    <message>
        <source>Scanner device (see sohoa-cli devices).</source>
        <translation>Thiết bị máy quét (xem sohoa-cli devices).</translation>
    </message>
    <message>
        <source>Stop a feeder batch after N pages (default: until empty).</source>
        <translation>Dừng lượt quét bằng khay nạp giấy sau N trang (mặc định: quét đến khi hết giấy).</translation>
    </message>
    <message>
        <source>Set a device option by its own name.</source>
        <translation>Đặt một tùy chọn của thiết bị theo tên gốc của tùy chọn đó.</translation>
    </message>
    <message>
        <source>init: the agency code of this counter (default %1).</source>
        <translation>init: mã cơ quan của Bộ phận Một cửa này (mặc định: %1).</translation>
    </message>
    <message>
        <source>export: write the dossier&apos;s PDFs into DIR.</source>
        <translation>export: ghi các tệp PDF của hồ sơ vào thư mục DIR.</translation>
    </message>
    <message>
        <source>Created the encrypted store %1 (key file %1.keys — back up both).</source>
        <translation>Đã tạo kho dữ liệu mã hóa %1 (tệp khóa %1.keys — hãy sao lưu cả hai tệp).</translation>
    </message>
    <message>
        <source>store show needs a dossier code.</source>
        <translation>Lệnh store show cần mã hồ sơ.</translation>
    </message>
    <message>
        <source>store export needs a dossier code.</source>
        <translation>Lệnh store export cần mã hồ sơ.</translation>
    </message>
    <message>
        <source>The store is intact.</source>
        <translation>Kho dữ liệu nguyên vẹn.</translation>
    </message>
    <message>
        <source>The store has problems:</source>
        <translation>Kho dữ liệu có lỗi:</translation>
    </message>
    <message>
        <source>The store check failed.</source>
        <translation>Kiểm tra kho dữ liệu không đạt.</translation>
    </message>
    <message>
        <source>Cannot read the file %1.</source>
        <translation>Không đọc được tệp %1.</translation>
    </message>
    <message>
        <source>Missing secret: set %1 or use --%2 FILE.</source>
        <translation>Thiếu thông tin bí mật: hãy đặt biến %1 hoặc dùng --%2 FILE.</translation>
    </message>
    <message>
        <source>Agency recovery key — print it, keep it in the agency&apos;s safe; it is shown only this once:</source>
        <translation>Khóa khôi phục của cơ quan — hãy in ra và cất trong két của cơ quan; khóa chỉ hiện một lần này:</translation>
    </message>
    <message>
        <source>store %1 needs the officer&apos;s name.</source>
        <translation>Lệnh store %1 cần tên cán bộ.</translation>
    </message>
    <message>
        <source>passwd, add-officer, recover: the new passphrase from the first line of FILE (default: SOHOA_NEW_PASSPHRASE).</source>
        <translation>passwd, add-officer, recover: mật khẩu mới lấy từ dòng đầu tiên của FILE (mặc định: biến SOHOA_NEW_PASSPHRASE).</translation>
    </message>
    <message>
        <source>recover: the agency recovery key from FILE (default: SOHOA_RECOVERY_KEY).</source>
        <translation>recover: khóa khôi phục của cơ quan lấy từ FILE (mặc định: biến SOHOA_RECOVERY_KEY).</translation>
    </message>
    <message>
        <source>backup: write the encrypted copy to FILE.</source>
        <translation>backup: ghi bản sao lưu đã mã hóa ra FILE.</translation>
    </message>
    <message>
        <source>Done: store %1.</source>
        <translation>Đã xong: store %1.</translation>
    </message>
    <message>
        <source>store search needs the words to look for.</source>
        <translation>Lệnh store search cần các từ cần tìm.</translation>
    </message>
    <message>
        <source>purge: days since the province confirmed a dossier (default: the store&apos;s retention setting, 30).</source>
        <translation>purge: số ngày kể từ khi tỉnh xác nhận đã nhận hồ sơ (mặc định: theo thiết lập lưu giữ của kho dữ liệu, 30 ngày).</translation>
    </message>
    <message>
        <source>wipe: confirm the irreversible destruction.</source>
        <translation>wipe: xác nhận hủy không thể khôi phục.</translation>
    </message>
    <message>
        <source>store wipe destroys the store and its key file for good; add --yes.</source>
        <translation>Lệnh store wipe hủy vĩnh viễn kho dữ liệu và tệp khóa; hãy thêm --yes.</translation>
    </message>
    <message>
        <source>The store %1 and its key file were destroyed.</source>
        <translation>Đã hủy kho dữ liệu %1 và tệp khóa của kho.</translation>
    </message>
    <message>
        <source>--older-than takes a number of days.</source>
        <translation>--older-than cần một số ngày.</translation>
    </message>
    <message numerus="yes">
        <source>Purged the files of %n dossier(s).</source>
        <translation>
            <numerusform>Đã xóa tệp của %n hồ sơ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlock with the secret in your session keyring (after &quot;store keyring-on&quot;) instead of the passphrase.</source>
        <translation>Mở khóa bằng bí mật lưu trong kho khóa của phiên đăng nhập (sau khi đã chạy &quot;store keyring-on&quot;) thay cho mật khẩu.</translation>
    </message>
    <message>
        <source>Your session keyring holds no quick unlock for %1: use the passphrase.</source>
        <translation>Kho khóa của phiên đăng nhập không có khóa mở nhanh cho %1: hãy dùng mật khẩu.</translation>
    </message>
    <message>
        <source>store needs one of: init, list, show CODE, search TEXT, export CODE, check, passwd, add-officer NAME, remove-officer NAME, rekey, recover, backup, purge, wipe, keyring-on, keyring-off, settings, set NAME VALUE.</source>
        <translation>Lệnh store cần một trong các thao tác: init, list, show CODE, search TEXT, export CODE, check, passwd, add-officer NAME, remove-officer NAME, rekey, recover, backup, purge, wipe, keyring-on, keyring-off, settings, set NAME VALUE.</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (mặc định)</translation>
    </message>
    <message>
        <source>store set needs a setting name and a number.</source>
        <translation>Lệnh store set cần tên thiết lập và một số.</translation>
    </message>
    <message>
        <source># %1, page %2</source>
        <translation># %1, trang %2</translation>
    </message>
    <message>
        <source>Disagreement on %1: QR code &quot;%2&quot;, printed text &quot;%3&quot;</source>
        <translation>Không khớp ở %1: mã QR &quot;%2&quot;, chữ in trên thẻ &quot;%3&quot;</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Lưu ý: %1</translation>
    </message>
    <message>
        <source>Also read the printed text when the QR code was read, and report where the two disagree (slower).</source>
        <translation>Đọc cả chữ in trên thẻ khi đã đọc được mã QR, và báo chỗ hai nguồn không khớp (chậm hơn).</translation>
    </message>
    <message>
        <source>Scans of identity papers: PNG, JPEG, TIFF, PNM or PDF files.</source>
        <translation>Bản quét giấy tờ tùy thân: tệp PNG, JPEG, TIFF, PNM hoặc PDF.</translation>
    </message>
    <message>
        <source>extract needs at least one input file.</source>
        <translation>Lệnh extract cần ít nhất một tệp đầu vào.</translation>
    </message>
    <message>
        <source>JPEG quality of colour and grey page images, 1-100 (default %1).</source>
        <translation>Chất lượng JPEG của ảnh trang màu và thang xám, từ 1 đến 100 (mặc định: %1).</translation>
    </message>
    <message>
        <source>--jpeg-quality takes a number from 1 to 100.</source>
        <translation>--jpeg-quality cần một số từ 1 đến 100.</translation>
    </message>
    <message>
        <source>Turn the stack over, put it back in the feeder (last sheet on top), then press Enter.</source>
        <translation>Hãy lật úp xấp giấy, đặt lại vào khay nạp giấy (tờ cuối cùng ở trên), rồi nhấn Enter.</translation>
    </message>
    <message>
        <source>Both sides on a simplex feeder: scan the fronts, turn the stack over when asked, scan the backs; pages come out in document order.</source>
        <translation>Quét hai mặt bằng khay nạp một mặt: quét các mặt trước, lật xấp giấy khi được nhắc, quét các mặt sau; các trang được xếp đúng thứ tự của tài liệu.</translation>
    </message>
    <message>
        <source>Both sides on a simplex feeder: scan the fronts, turn the stack over when asked, scan the backs.</source>
        <translation>Quét hai mặt trên khay nạp một mặt: quét các mặt trước, lật xấp giấy khi được nhắc, rồi quét các mặt sau.</translation>
    </message>
    <message>
        <source>After each scanner pass, ask for more sheets (a thick dossier through a small feeder, or page after page on the glass); a jam can be cleared and the batch continued.</source>
        <translation>Sau mỗi lượt quét, hỏi có nạp thêm giấy không (hồ sơ dày qua khay nạp nhỏ, hoặc từng trang trên mặt kính); khi kẹt giấy có thể gỡ giấy rồi quét tiếp.</translation>
    </message>
    <message>
        <source>Pages that look blank (kept, check them): %1</source>
        <translation>Các trang có vẻ trống (vẫn được giữ, hãy kiểm tra): %1</translation>
    </message>
    <message numerus="yes">
        <source>The %n page(s) scanned before it are saved in dossier %1.</source>
        <translation>
            <numerusform>%n trang đã quét trước đó được lưu trong hồ sơ %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Load the next sheets and press Enter to scan them, or type q and press Enter to finish.</source>
        <translation>Nạp các tờ tiếp theo rồi nhấn Enter để quét, hoặc gõ q rồi nhấn Enter để kết thúc.</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation> (đã sửa)</translation>
    </message>
    <message>
        <source>The scan profiles are locked by the administrator.</source>
        <translation>Các cấu hình quét đã bị quản trị viên khóa.</translation>
    </message>
    <message>
        <source>profile %1 needs a profile ID.</source>
        <translation>profile %1 cần mã cấu hình quét.</translation>
    </message>
    <message>
        <source>add: copy the settings of this profile.</source>
        <translation>add: sao chép các thiết lập của cấu hình này.</translation>
    </message>
    <message>
        <source>add: the new profile&apos;s name.</source>
        <translation>add: tên của cấu hình mới.</translation>
    </message>
    <message>
        <source>Act as the administrator: unlock with the agency recovery key from FILE (needed to lock, unlock, and change locked profiles).</source>
        <translation>Làm việc với tư cách quản trị viên: mở khóa bằng khóa khôi phục của cơ quan lấy từ FILE (cần để khóa, mở khóa và sửa các cấu hình đã khóa).</translation>
    </message>
    <message>
        <source>profile needs one of: list, show ID, set ID KEY VALUE, add ID --from ID, reset ID, lock, unlock.</source>
        <translation>profile cần một trong các thao tác: list, show MÃ, set MÃ KHÓA GIÁ-TRỊ, add MÃ --from MÃ, reset MÃ, lock, unlock.</translation>
    </message>
    <message>
        <source>The scan profiles are locked.</source>
        <translation>Đã khóa các cấu hình quét.</translation>
    </message>
    <message>
        <source>The scan profiles are unlocked.</source>
        <translation>Đã mở khóa các cấu hình quét.</translation>
    </message>
    <message>
        <source>profile set needs a profile ID, a setting and a value.</source>
        <translation>profile set cần mã cấu hình, tên thiết lập và giá trị.</translation>
    </message>
    <message>
        <source>Take the profiles (and their lock) from this encrypted store; without it, the built-in profiles.</source>
        <translation>Lấy các cấu hình quét (và trạng thái khóa) từ kho dữ liệu mã hóa này; nếu không có, dùng các cấu hình có sẵn.</translation>
    </message>
    <message>
        <source>Scan profile (see sohoa-cli profile list; default %1).</source>
        <translation>Cấu hình quét (xem sohoa-cli profile list; mặc định %1).</translation>
    </message>
    <message>
        <source>flatbed, adf or adf-duplex (default: the profile&apos;s).</source>
        <translation>flatbed, adf hoặc adf-duplex (mặc định: theo cấu hình quét).</translation>
    </message>
    <message>
        <source>Resolution in dots per inch (default: the profile&apos;s, 200 for papers).</source>
        <translation>Độ phân giải, tính bằng dpi (mặc định: theo cấu hình quét, 200 với giấy tờ).</translation>
    </message>
    <message>
        <source>color, gray or lineart (default: the profile&apos;s, color).</source>
        <translation>color, gray hoặc lineart (mặc định: theo cấu hình quét, color).</translation>
    </message>
    <message>
        <source>Keep an imported PDF whose every page already has text as it is, instead of rendering and recognizing it again.</source>
        <translation>Giữ nguyên tệp PDF nhập vào nếu mọi trang đã có lớp văn bản, thay vì kết xuất và nhận dạng lại.</translation>
    </message>
    <message>
        <source>The variable %1 named by --pin-env is not set.</source>
        <translation>Biến môi trường %1 nêu trong --pin-env chưa được đặt.</translation>
    </message>
    <message>
        <source>The token PIN is needed: run at a terminal, or give --pin-env VAR.</source>
        <translation>Cần mã PIN của thiết bị ký số: hãy chạy tại cửa sổ dòng lệnh, hoặc dùng --pin-env BIẾN.</translation>
    </message>
    <message>
        <source>PIN of token %1: </source>
        <translation>Mã PIN của thiết bị ký số %1: </translation>
    </message>
    <message>
        <source>Signed %1 (%2, %3).</source>
        <translation>Đã ký %1 (%2, %3).</translation>
    </message>
    <message>
        <source>The time-stamp server could not be reached (%1): the file is signed without a time-stamp.</source>
        <translation>Không kết nối được máy chủ cấp dấu thời gian (%1): tệp đã được ký nhưng chưa có dấu thời gian.</translation>
    </message>
    <message>
        <source>Signing %1 (%2/%3)</source>
        <translation>Đang ký %1 (%2/%3)</translation>
    </message>
    <message numerus="yes">
        <source>Signed %n document(s) of dossier %1.</source>
        <translation>
            <numerusform>Đã ký %n tài liệu của hồ sơ %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where to write the signed PDF.</source>
        <translation>Nơi ghi tệp PDF đã ký.</translation>
    </message>
    <message>
        <source>The encrypted store (for --dossier, and for the demo key).</source>
        <translation>Kho dữ liệu mã hóa (dùng cho --dossier và cho khóa ký thử nghiệm).</translation>
    </message>
    <message>
        <source>Sign every digitized document of this dossier, with one PIN entry.</source>
        <translation>Ký mọi tài liệu đã số hóa của hồ sơ này, chỉ nhập mã PIN một lần.</translation>
    </message>
    <message>
        <source>The PDF to sign.</source>
        <translation>Tệp PDF cần ký.</translation>
    </message>
    <message>
        <source>sign needs either one PDF file with --out, or --store and --dossier.</source>
        <translation>Lệnh sign cần một tệp PDF kèm --out, hoặc --store và --dossier.</translation>
    </message>
    <message>
        <source>sign needs --out FILE for the signed PDF.</source>
        <translation>Lệnh sign cần --out TỆP để ghi tệp PDF đã ký.</translation>
    </message>
    <message>
        <source>PKCS#11 module of the token (repeatable; default: the modules registered with p11-kit).</source>
        <translation>Trình điều khiển PKCS#11 của thiết bị ký số (có thể nêu nhiều lần; mặc định: các trình điều khiển đã đăng ký với p11-kit).</translation>
    </message>
    <message>
        <source>Label of the token to sign with.</source>
        <translation>Nhãn của thiết bị ký số dùng để ký.</translation>
    </message>
    <message>
        <source>CKA_ID of the signing certificate, in hex (default: the only valid signing certificate).</source>
        <translation>CKA_ID của chứng thư số dùng để ký, dạng hex (mặc định: chứng thư số ký còn hiệu lực duy nhất).</translation>
    </message>
    <message>
        <source>Read the token PIN from this environment variable instead of asking.</source>
        <translation>Đọc mã PIN của thiết bị ký số từ biến môi trường này thay vì hỏi.</translation>
    </message>
    <message>
        <source>RFC 3161 time-stamp server; when it cannot be reached the file is signed without and queued.</source>
        <translation>Máy chủ cấp dấu thời gian RFC 3161; khi không kết nối được, tệp vẫn được ký và đưa vào hàng chờ cấp dấu thời gian.</translation>
    </message>
    <message>
        <source>Agency name on the stamp (default: the certificate&apos;s organization).</source>
        <translation>Tên cơ quan trên hình ảnh chữ ký (mặc định: tên tổ chức trong chứng thư số).</translation>
    </message>
    <message>
        <source>TrueType font of the stamp (default: Liberation Serif).</source>
        <translation>Phông chữ TrueType của hình ảnh chữ ký (mặc định: Liberation Serif).</translation>
    </message>
    <message>
        <source>Sign with the store&apos;s demo key: a test signature without legal value.</source>
        <translation>Ký bằng khóa thử nghiệm của kho dữ liệu: chữ ký thử nghiệm, không có giá trị pháp lý.</translation>
    </message>
    <message>
        <source>--tsa needs a URL such as http://timestamp.example.vn/tsa.</source>
        <translation>--tsa cần một địa chỉ URL, ví dụ http://timestamp.example.vn/tsa.</translation>
    </message>
    <message>
        <source>No signing token is plugged in: plug in your USB token, or sign with the demo key (--demo --store PATH).</source>
        <translation>Chưa cắm thiết bị ký số: hãy cắm USB ký số, hoặc ký bằng khóa thử nghiệm (--demo --store ĐƯỜNG-DẪN).</translation>
    </message>
    <message>
        <source>No signing token is plugged in: signing with the demo key (test signature, no legal value).</source>
        <translation>Chưa cắm thiết bị ký số: đang ký bằng khóa thử nghiệm (chữ ký thử nghiệm, không có giá trị pháp lý).</translation>
    </message>
    <message>
        <source>PEM file of root or intermediate certificates to trust (repeatable); Vietnamese root CAs are in no common trust store.</source>
        <translation>Tệp PEM chứa chứng thư số gốc hoặc trung gian được tin cậy (có thể nêu nhiều lần); chứng thư số gốc của Việt Nam không có sẵn trong các kho tin cậy thông dụng.</translation>
    </message>
    <message>
        <source>The signed PDF.</source>
        <translation>Tệp PDF đã ký.</translation>
    </message>
    <message>
        <source>verify needs exactly one PDF file.</source>
        <translation>Lệnh verify cần đúng một tệp PDF.</translation>
    </message>
    <message>
        <source>Sign the digitized PDF as the last step (see sohoa-cli sign for the token options).</source>
        <translation>Ký số tệp PDF đã số hóa ở bước cuối cùng (xem sohoa-cli sign về các tùy chọn thiết bị ký số).</translation>
    </message>
    <message>
        <source>import FILE.pem, or list.</source>
        <translation>import TỆP.pem, hoặc list.</translation>
    </message>
    <message>
        <source>trust needs one of: import FILE.pem, list.</source>
        <translation>Lệnh trust cần một trong các thao tác: import TỆP.pem, list.</translation>
    </message>
    <message numerus="yes">
        <source>%n new trust anchor(s) imported.</source>
        <translation>
            <numerusform>Đã nhập %n chứng thư số tin cậy mới.</numerusform>
        </translation>
    </message>
    <message>
        <source>Also trust the anchors imported into this store (sohoa-cli trust).</source>
        <translation>Tin cậy thêm các chứng thư số đã nhập vào kho dữ liệu này (sohoa-cli trust).</translation>
    </message>
    <message>
        <source>timestamp takes no file: it works on the store.</source>
        <translation>Lệnh timestamp không nhận tệp: lệnh làm việc trên kho dữ liệu.</translation>
    </message>
    <message numerus="yes">
        <source>%n signature(s) await a time-stamp.</source>
        <translation>
            <numerusform>%n chữ ký đang chờ dấu thời gian.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Time-stamp added to %n signed document(s): %1.</source>
        <translation>
            <numerusform>Đã bổ sung dấu thời gian cho %n tài liệu đã ký: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Earlier signatures covered by a later time-stamped one: %1.</source>
        <translation>Các chữ ký trước được chữ ký sau (đã có dấu thời gian) bao phủ: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n signature(s) still await a time-stamp (%1); they are tried again with the next signing or time-stamp run.</source>
        <translation>
            <numerusform>Còn %n chữ ký chờ dấu thời gian (%1); sẽ thử lại ở lần ký hoặc lần lấy dấu thời gian tiếp theo.</numerusform>
        </translation>
    </message>
    <message>
        <source>No signature awaits a time-stamp.</source>
        <translation>Không có chữ ký nào chờ dấu thời gian.</translation>
    </message>
    <message>
        <source>a later signature of the file has no time-stamp</source>
        <translation>một chữ ký sau trên tệp chưa có dấu thời gian</translation>
    </message>
    <message>
        <source>Also ask the certificate authorities (OCSP, else CRL) whether the signers&apos; certificates were revoked; needs the network.</source>
        <translation>Hỏi thêm tổ chức cung cấp dịch vụ chứng thực (OCSP, nếu không được thì CRL) xem chứng thư số của người ký có bị thu hồi không; cần kết nối mạng.</translation>
    </message>
    <message>
        <source>The provincial hub, e.g. https://hub.example.vn.</source>
        <translation>Máy chủ tỉnh, ví dụ https://hub.example.vn.</translation>
    </message>
    <message>
        <source>Also trust this CA for the hub (a dev hub&apos;s hub-ca.pem).</source>
        <translation>Tin cậy thêm CA này cho máy chủ tỉnh (ví dụ hub-ca.pem của máy chủ thử nghiệm).</translation>
    </message>
    <message>
        <source>One pass, then stop (else: until everything is delivered).</source>
        <translation>Đồng bộ một lượt rồi dừng (nếu không: đến khi gửi xong tất cả).</translation>
    </message>
    <message>
        <source>--server needs the hub&apos;s https:// address, e.g. https://hub.example.vn.</source>
        <translation>--server cần địa chỉ https:// của máy chủ tỉnh, ví dụ https://hub.example.vn.</translation>
    </message>
    <message>
        <source>Sent %1, waiting %2, refused %3, in conflict %4.</source>
        <translation>Đã gửi %1, đang chờ %2, bị từ chối %3, xung đột %4.</translation>
    </message>
    <message>
        <source>The provincial hub cannot be reached (%1); everything stays queued for the next sync.</source>
        <translation>Không kết nối được máy chủ tỉnh (%1); mọi thay đổi vẫn được giữ để đồng bộ lần sau.</translation>
    </message>
    <message>
        <source>Warning: this computer&apos;s clock differs from the provincial hub&apos;s by %1 minutes; correct it, the dossiers&apos; dates come from it.</source>
        <translation>Cảnh báo: đồng hồ của máy này lệch %1 phút so với máy chủ tỉnh; hãy chỉnh lại, vì ngày giờ của hồ sơ lấy từ đồng hồ này.</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier document(s) can be reused.</source>
        <translation>
            <numerusform>Có %n giấy tờ đã số hóa trước đây có thể tái sử dụng.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, born %2</source>
        <translation>%1, sinh ngày %2</translation>
    </message>
    <message>
        <source>Birth: %1; registered on %2 by %3</source>
        <translation>Khai sinh: %1; đăng ký ngày %2 tại %3</translation>
    </message>
    <message>
        <source>Marriage: %1 and %2; on %3 at %4</source>
        <translation>Kết hôn: %1 và %2; ngày %3 tại %4</translation>
    </message>
    <message>
        <source>Death: %1; died on %2</source>
        <translation>Khai tử: %1; mất ngày %2</translation>
    </message>
    <message>
        <source>The civil-status book holds no record for this ID.</source>
        <translation>Sổ hộ tịch không có bản ghi nào cho số định danh này.</translation>
    </message>
    <message>
        <source>The citizen&apos;s 12-digit personal ID (for documents also a tax code or passport number).</source>
        <translation>Số định danh cá nhân 12 chữ số của công dân (với giấy tờ: cả mã số thuế hoặc số hộ chiếu).</translation>
    </message>
    <message>
        <source>The personal civil-status book (births, marriages, deaths) instead of earlier digitized documents.</source>
        <translation>Tra sổ hộ tịch cá nhân (khai sinh, kết hôn, khai tử) thay vì giấy tờ đã số hóa.</translation>
    </message>
    <message>
        <source>Why the officer looks: document-reuse (default for documents), dossier-reception (default for the civil-status book), identity-check.</source>
        <translation>Mục đích tra cứu: document-reuse (mặc định với giấy tờ), dossier-reception (mặc định với sổ hộ tịch), identity-check.</translation>
    </message>
    <message>
        <source>The dossier the look-up serves.</source>
        <translation>Hồ sơ mà việc tra cứu phục vụ.</translation>
    </message>
    <message>
        <source>A short note on the purpose (no ID numbers).</source>
        <translation>Ghi chú ngắn về mục đích (không ghi số giấy tờ).</translation>
    </message>
    <message>
        <source>The dossier being received.</source>
        <translation>Hồ sơ đang tiếp nhận.</translation>
    </message>
    <message>
        <source>The component the earlier document stands for, e.g. TP1.</source>
        <translation>Thành phần hồ sơ mà giấy tờ cũ thay thế, ví dụ TP1.</translation>
    </message>
    <message>
        <source>The earlier document, as `lookup` listed it.</source>
        <translation>Giấy tờ đã số hóa trước đây, như lệnh `lookup` đã liệt kê.</translation>
    </message>
    <message>
        <source>%1 holds this document already (%2).</source>
        <translation>%1 đã có giấy tờ này (%2).</translation>
    </message>
    <message>
        <source>Reused as %1 (%2 bytes) under %3; it goes to the hub with the next sync.</source>
        <translation>Đã tái sử dụng thành %1 (%2 byte) cho %3; sẽ gửi lên máy chủ tỉnh ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Accept only a hub whose key has this pin (sha256/…; at most two, kept in the store for the next runs).</source>
        <translation>Chỉ chấp nhận máy chủ tỉnh có khóa mang mã ghim này (sha256/…; tối đa hai, được lưu trong kho cho các lần sau).</translation>
    </message>
    <message>
        <source>Provisional code (Mã tạm): no reserved dossier number was left. Mark the citizen&apos;s receipt as provisional; the next sync assigns the definitive code.</source>
        <translation>Mã tạm: đã hết số hồ sơ được cấp trước. Ghi rõ trên giấy tiếp nhận của công dân là mã tạm; lần đồng bộ tới sẽ cấp mã chính thức.</translation>
    </message>
    <message>
        <source>provisional code</source>
        <translation>mã tạm</translation>
    </message>
    <message>
        <source>was %1: reprint the receipt</source>
        <translation>trước là %1: cần in lại giấy tiếp nhận</translation>
    </message>
    <message>
        <source>Provisional code %1 is now %2: reprint the citizen&apos;s receipt.</source>
        <translation>Mã tạm %1 nay là %2: hãy in lại giấy tiếp nhận cho công dân.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>The one-time enrolment code the province gave, e.g. 7KQ2-M9XD-4HTA-0ZRB.</source>
        <translation>Mã đăng ký dùng một lần do tỉnh cấp, ví dụ 7KQ2-M9XD-4HTA-0ZRB.</translation>
    </message>
    <message>
        <source>How this workstation names itself to the hub (default: the computer&apos;s name).</source>
        <translation>Tên máy trạm báo cho máy chủ tỉnh (mặc định: tên máy tính).</translation>
    </message>
    <message>
        <source>--name needs 1 to %1 characters.</source>
        <translation>--name cần từ 1 đến %1 ký tự.</translation>
    </message>
    <message>
        <source>Enrolled with %1 as workstation &quot;%2&quot; (%3); agencies: %4. sohoa-cli sync now uses this workstation&apos;s token.</source>
        <translation>Đã đăng ký với %1 là máy trạm &quot;%2&quot; (%3); cơ quan: %4. Từ nay sohoa-cli sync dùng mã truy cập của máy trạm này.</translation>
    </message>
    <message>
        <source>This workstation has no token for the provincial hub: enrol it with the province&apos;s code (sohoa-cli enrol), or set %1 to a token the province issued.</source>
        <translation>Máy trạm chưa có mã truy cập máy chủ tỉnh: hãy đăng ký bằng mã tỉnh cấp (sohoa-cli enrol), hoặc đặt biến %1 bằng mã truy cập tỉnh đã cấp.</translation>
    </message>
    <message>
        <source>--server is required (this workstation has not enrolled with a hub yet).</source>
        <translation>Cần --server (máy trạm này chưa đăng ký với máy chủ tỉnh nào).</translation>
    </message>
    <message>
        <source>The dossier is now &quot;%1&quot;.</source>
        <translation>Hồ sơ hiện ở trạng thái &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Decisions of the provincial hub: applied %1, in conflict %2.</source>
        <translation>Quyết định của máy chủ tỉnh: đã áp dụng %1, xung đột %2.</translation>
    </message>
    <message>
        <source>Settings pushed by the province: %1 changed.</source>
        <translation>Cấu hình do tỉnh gửi xuống: đã thay đổi %1 mục.</translation>
    </message>
    <message>
        <source>--ca-file: cannot read %1 (%2).</source>
        <translation>--ca-file: không đọc được %1 (%2).</translation>
    </message>
    <message>
        <source>RFC 3161 time-stamp server that adds the awaited time-stamps; without it, the province&apos;s, else only count them.</source>
        <translation>Máy chủ dấu thời gian RFC 3161 để bổ sung các dấu thời gian còn chờ; nếu không có, dùng máy chủ của tỉnh, nếu tỉnh chưa đặt thì chỉ đếm.</translation>
    </message>
    <message>
        <source>Catalogue of the province: revision %1 (%2 changed).</source>
        <translation>Danh mục của tỉnh: phiên bản %1 (%2 mục thay đổi).</translation>
    </message>
    <message>
        <source>The dossier in conflict.</source>
        <translation>Hồ sơ đang xung đột.</translation>
    </message>
    <message>
        <source>Take the provincial hub&apos;s version; the unsent changes are discarded.</source>
        <translation>Lấy phiên bản của máy chủ tỉnh; các thay đổi chưa gửi bị hủy.</translation>
    </message>
    <message>
        <source>Take the provincial hub&apos;s version, then make the unsent changes again from it.</source>
        <translation>Lấy phiên bản của máy chủ tỉnh, rồi thực hiện lại các thay đổi chưa gửi trên phiên bản đó.</translation>
    </message>
    <message>
        <source>Choose one of --accept-hub and --reapply.</source>
        <translation>Hãy chọn một trong --accept-hub và --reapply.</translation>
    </message>
    <message>
        <source>%1 now follows the provincial hub (%2 v%3).</source>
        <translation>%1 nay theo máy chủ tỉnh (%2 v%3).</translation>
    </message>
    <message>
        <source>%1 is %2 v%3; %4 new change(s) go to the hub with the next sync.</source>
        <translation>%1 đang ở %2 v%3; %4 thay đổi mới sẽ gửi lên máy chủ tỉnh ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>  discarded: %1</source>
        <translation>  đã hủy: %1</translation>
    </message>
    <message>
        <source>  made again: %1</source>
        <translation>  đã thực hiện lại: %1</translation>
    </message>
    <message>
        <source>  here: %1 v%2; hub: %3</source>
        <translation>  tại máy: %1 v%2; máy chủ tỉnh: %3</translation>
    </message>
    <message>
        <source>not known yet (sync first)</source>
        <translation>chưa biết (hãy đồng bộ trước)</translation>
    </message>
    <message>
        <source>No dossier is in conflict with the provincial hub.</source>
        <translation>Không có hồ sơ nào xung đột với máy chủ tỉnh.</translation>
    </message>
    <message>
        <source>Usage: sohoa-cli COMMAND [OPTIONS] — commands: --version, devices, scan, ocr, digitize, extract, store, profile, sign, verify, trust, timestamp, enrol, sync, conflicts, conflict, lookup, reuse</source>
        <translation>Cách dùng: sohoa-cli LỆNH [TÙY CHỌN] — các lệnh: --version, devices, scan, ocr, digitize, extract, store, profile, sign, verify, trust, timestamp, enrol, sync, conflicts, conflict, lookup, reuse</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: --version, devices, scan, ocr, digitize, extract, store, profile, sign, verify, trust, timestamp, enrol, sync, conflicts, conflict, lookup, reuse</source>
        <translation>Không có lệnh &quot;%1&quot;. Các lệnh: --version, devices, scan, ocr, digitize, extract, store, profile, sign, verify, trust, timestamp, enrol, sync, conflicts, conflict, lookup, reuse</translation>
    </message>
</context>
<context>
    <name>CodeBlockTopUp</name>
    <message>
        <source>No dossier numbers reserved: %1</source>
        <translation>Chưa nhận được số hồ sơ cấp trước: %1</translation>
    </message>
</context>
<context>
    <name>ComponentCode</name>
    <message>
        <source>The component code is empty.</source>
        <translation>Mã thành phần hồ sơ đang để trống.</translation>
    </message>
    <message>
        <source>The component code &quot;%1&quot; is longer than %2 characters.</source>
        <translation>Mã thành phần hồ sơ &quot;%1&quot; dài quá %2 ký tự.</translation>
    </message>
    <message>
        <source>The component code &quot;%1&quot; may contain only letters A-Z and a-z, digits, dots, underscores and hyphens.</source>
        <translation>Mã thành phần hồ sơ &quot;%1&quot; chỉ được chứa chữ cái A-Z và a-z, chữ số, dấu chấm, dấu gạch dưới và dấu gạch ngang.</translation>
    </message>
</context>
<context>
    <name>CrlCheck</name>
    <message>
        <source>%1 is not a CRL</source>
        <translation>%1 không phải là danh sách chứng thư bị thu hồi (CRL)</translation>
    </message>
    <message>
        <source>the CRL at %1 is not signed by the certificate&apos;s issuer</source>
        <translation>danh sách CRL tại %1 không do tổ chức cấp chứng thư ký</translation>
    </message>
    <message>
        <source>the CRL at %1 is out of date</source>
        <translation>danh sách CRL tại %1 đã hết hạn</translation>
    </message>
    <message>
        <source>the certificate names no CRL distribution point</source>
        <translation>chứng thư số không ghi điểm phân phối CRL</translation>
    </message>
</context>
<context>
    <name>DigitizeDossier</name>
    <message>
        <source>Give either a scanner device or input files, not both.</source>
        <translation>Chỉ chọn máy quét hoặc tệp đầu vào, không dùng cả hai.</translation>
    </message>
    <message>
        <source>The store has no agency code; initialize it with &quot;sohoa-cli store init&quot;.</source>
        <translation>Kho dữ liệu chưa có mã cơ quan; hãy khởi tạo bằng lệnh &quot;sohoa-cli store init&quot;.</translation>
    </message>
    <message>
        <source>No page was captured; nothing was stored.</source>
        <translation>Không thu được trang nào; chưa có gì được lưu.</translation>
    </message>
</context>
<context>
    <name>DocumentReuse</name>
    <message>
        <source>The provincial hub gives this workstation no such document: look the citizen up first (a look-up allows downloads for 24 hours).</source>
        <translation>Máy chủ tỉnh không cấp giấy tờ này cho máy trạm: hãy tra cứu công dân trước (mỗi lần tra cứu cho phép tải về trong 24 giờ).</translation>
    </message>
    <message>
        <source>The document could not be downloaded: %1</source>
        <translation>Không tải được giấy tờ: %1</translation>
    </message>
    <message>
        <source>A document is named by its SHA-256: 64 hexadecimal digits.</source>
        <translation>Giấy tờ được chỉ định bằng mã SHA-256: 64 chữ số thập lục phân.</translation>
    </message>
    <message>
        <source>Dossier %1 is past reception (%2): documents can be added only while it is a draft or captured.</source>
        <translation>Hồ sơ %1 đã qua bước tiếp nhận (%2): chỉ thêm được giấy tờ khi hồ sơ đang soạn hoặc đã số hóa.</translation>
    </message>
    <message>
        <source>Dossier %1 has no component %2.</source>
        <translation>Hồ sơ %1 không có thành phần %2.</translation>
    </message>
    <message>
        <source>The downloaded document does not match its SHA-256; nothing was kept. Try again.</source>
        <translation>Giấy tờ tải về không khớp mã SHA-256; không lưu gì cả. Hãy thử lại.</translation>
    </message>
</context>
<context>
    <name>DossierCode</name>
    <message>
        <source>A dossier code needs a reception date between %1 and %2.</source>
        <translation>Mã hồ sơ cần có ngày tiếp nhận trong khoảng từ %1 đến %2.</translation>
    </message>
    <message>
        <source>The dossier sequence width must be %1 to %2 digits, not %3.</source>
        <translation>Số thứ tự hồ sơ phải có từ %1 đến %2 chữ số, không phải %3.</translation>
    </message>
    <message>
        <source>The dossier sequence number %1 does not fit in %2 digits.</source>
        <translation>Số thứ tự hồ sơ %1 vượt quá %2 chữ số.</translation>
    </message>
    <message>
        <source>The dossier code &quot;%1&quot; is not of the form &lt;agency code&gt;-&lt;yymmdd&gt;-&lt;sequence&gt;.</source>
        <translation>Mã hồ sơ &quot;%1&quot; không đúng dạng &lt;mã cơ quan&gt;-&lt;yymmdd&gt;-&lt;số thứ tự&gt;.</translation>
    </message>
    <message>
        <source>The dossier code &quot;%1&quot; starts with an invalid agency code: %2</source>
        <translation>Mã hồ sơ &quot;%1&quot; bắt đầu bằng mã cơ quan không hợp lệ: %2</translation>
    </message>
    <message>
        <source>The dossier code &quot;%1&quot; has no valid reception date (yymmdd) after the agency code.</source>
        <translation>Mã hồ sơ &quot;%1&quot; không có ngày tiếp nhận hợp lệ (yymmdd) sau mã cơ quan.</translation>
    </message>
    <message>
        <source>The dossier code &quot;%1&quot; must end in a sequence number of %2 to %3 digits (or P and 4 digits for a provisional code).</source>
        <translation>Mã hồ sơ &quot;%1&quot; phải kết thúc bằng số thứ tự gồm %2 đến %3 chữ số (hoặc chữ P và 4 chữ số đối với mã tạm).</translation>
    </message>
</context>
<context>
    <name>DossierLifecycle</name>
    <message>
        <source>A dossier that is &quot;%1&quot; cannot be put through &quot;%2&quot;.</source>
        <translation>Không thể thực hiện &quot;%2&quot; đối với hồ sơ ở trạng thái &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>being received</source>
        <translation>đang tiếp nhận</translation>
    </message>
    <message>
        <source>scanned</source>
        <translation>đã quét</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>đã ký số</translation>
    </message>
    <message>
        <source>awaiting review</source>
        <translation>chờ xét duyệt</translation>
    </message>
    <message>
        <source>returned to the officer</source>
        <translation>đã trả lại cán bộ</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã phê duyệt</translation>
    </message>
    <message>
        <source>sent to the portal</source>
        <translation>đã gửi lên Cổng dịch vụ công</translation>
    </message>
    <message>
        <source>result returned</source>
        <translation>đã trả kết quả</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>đã rút hồ sơ</translation>
    </message>
    <message>
        <source>waiting for more papers</source>
        <translation>chờ bổ sung hồ sơ</translation>
    </message>
    <message>
        <source>finish scanning</source>
        <translation>hoàn tất quét</translation>
    </message>
    <message>
        <source>reopen scanning</source>
        <translation>mở lại để quét</translation>
    </message>
    <message>
        <source>sign</source>
        <translation>ký số</translation>
    </message>
    <message>
        <source>submit for review</source>
        <translation>trình xét duyệt</translation>
    </message>
    <message>
        <source>return to the officer</source>
        <translation>trả lại cán bộ</translation>
    </message>
    <message>
        <source>revise after return</source>
        <translation>chỉnh sửa sau khi bị trả lại</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>phê duyệt</translation>
    </message>
    <message>
        <source>mark as sent to the portal</source>
        <translation>đánh dấu đã gửi lên Cổng dịch vụ công</translation>
    </message>
    <message>
        <source>return the result</source>
        <translation>trả kết quả</translation>
    </message>
    <message>
        <source>request more papers</source>
        <translation>yêu cầu bổ sung hồ sơ</translation>
    </message>
    <message>
        <source>resume after more papers</source>
        <translation>tiếp tục sau khi bổ sung hồ sơ</translation>
    </message>
    <message>
        <source>withdraw</source>
        <translation>rút hồ sơ</translation>
    </message>
</context>
<context>
    <name>DossierQueries</name>
    <message>
        <source>No dossier with code %1 in this store.</source>
        <translation>Kho dữ liệu này không có hồ sơ nào mang mã %1.</translation>
    </message>
</context>
<context>
    <name>Enrolment</name>
    <message>
        <source>An enrolment code has 16 letters and digits in four groups, e.g. 7KQ2-M9XD-4HTA-0ZRB; check the one the province gave.</source>
        <translation>Mã đăng ký gồm 16 chữ và số chia làm bốn nhóm, ví dụ 7KQ2-M9XD-4HTA-0ZRB; hãy kiểm tra lại mã tỉnh đã cấp.</translation>
    </message>
    <message>
        <source>Too many wrong enrolment codes were sent from this network; try again in %1 minutes.</source>
        <translation>Đã gửi quá nhiều mã đăng ký sai từ mạng này; hãy thử lại sau %1 phút.</translation>
    </message>
    <message>
        <source>The provincial hub cannot be reached (%1). Run the same command again: the code stays usable until it expires.</source>
        <translation>Không kết nối được máy chủ tỉnh (%1). Hãy chạy lại đúng lệnh này: mã vẫn dùng được cho đến khi hết hạn.</translation>
    </message>
    <message>
        <source>The provincial hub refused the enrolment code: %1</source>
        <translation>Máy chủ tỉnh từ chối mã đăng ký: %1</translation>
    </message>
    <message>
        <source>The provincial hub refused the enrolment: %1</source>
        <translation>Máy chủ tỉnh từ chối yêu cầu đăng ký: %1</translation>
    </message>
    <message>
        <source>The provincial hub&apos;s answer to the enrolment is incomplete. Run the same command again.</source>
        <translation>Trả lời của máy chủ tỉnh cho yêu cầu đăng ký không đầy đủ. Hãy chạy lại đúng lệnh này.</translation>
    </message>
</context>
<context>
    <name>FileUploader</name>
    <message>
        <source>The file %1 is no longer in the store; it cannot be sent to the hub.</source>
        <translation>Tệp %1 không còn trong kho dữ liệu; không thể gửi lên máy chủ tỉnh.</translation>
    </message>
</context>
<context>
    <name>Gui</name>
    <message>
        <source>The encrypted store.</source>
        <translation>Kho dữ liệu mã hóa.</translation>
    </message>
    <message>
        <source>Agency recovery key</source>
        <translation>Khóa khôi phục của cơ quan</translation>
    </message>
    <message>
        <source>Print this recovery key and keep it in the agency&apos;s safe. It opens the store if every passphrase is lost, and it is shown only this once:

%1</source>
        <translation>Hãy in khóa khôi phục này và cất trong két của cơ quan. Khóa này mở được kho dữ liệu khi mọi mật khẩu đều bị quên, và chỉ hiện một lần này:

%1</translation>
    </message>
</context>
<context>
    <name>HttpFetch</name>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 không trả lời trong vòng %2 giây.</translation>
    </message>
</context>
<context>
    <name>HubClient</name>
    <message>
        <source>The provincial hub did not answer within %1 s.</source>
        <translation>Máy chủ tỉnh không trả lời trong vòng %1 giây.</translation>
    </message>
    <message>
        <source>The hub answered HTTP %1.</source>
        <translation>Máy chủ tỉnh trả lời HTTP %1.</translation>
    </message>
    <message>
        <source>The provincial hub&apos;s certificate does not carry the pinned key; nothing was sent. Ask the province&apos;s IT team before syncing again.</source>
        <translation>Chứng thư của máy chủ tỉnh không mang khóa đã ghim; chưa gửi gì cả. Hãy hỏi bộ phận CNTT của tỉnh trước khi đồng bộ lại.</translation>
    </message>
</context>
<context>
    <name>HubDecisionFeed</name>
    <message>
        <source>The provincial hub decided &quot;%1&quot; (%2): %3</source>
        <translation>Máy chủ tỉnh đã quyết định &quot;%1&quot; (%2): %3</translation>
    </message>
    <message>
        <source>The hub&apos;s decisions could not be read: %1</source>
        <translation>Không đọc được các quyết định của máy chủ tỉnh: %1</translation>
    </message>
</context>
<context>
    <name>HubPins</name>
    <message>
        <source>At most %1 pins: the hub&apos;s current key and its next.</source>
        <translation>Tối đa %1 mã ghim: khóa hiện tại của máy chủ tỉnh và khóa kế tiếp.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key pin: it is written sha256/ and 44 base64 characters (docs/HUB.md shows how to compute it).</source>
        <translation>&quot;%1&quot; không phải mã ghim khóa: mã ghim viết dạng sha256/ và 44 ký tự base64 (docs/HUB.md hướng dẫn cách tính).</translation>
    </message>
</context>
<context>
    <name>HubSettingsPull</name>
    <message>
        <source>The province&apos;s settings could not be read: %1</source>
        <translation>Không đọc được cấu hình của tỉnh: %1</translation>
    </message>
    <message>
        <source>The province&apos;s settings were not applied: %1</source>
        <translation>Chưa áp dụng cấu hình của tỉnh: %1</translation>
    </message>
</context>
<context>
    <name>IdCardOcrReader</name>
    <message>
        <source>A passport&apos;s machine-readable zone was found, but its check digits do not hold; it was not used.</source>
        <translation>Đã tìm thấy vùng đọc máy (MRZ) của hộ chiếu nhưng các chữ số kiểm tra không đúng; vùng này không được dùng.</translation>
    </message>
    <message>
        <source>The passport number printed on the page differs from the one in the machine-readable zone; the latter (check digits verified) was used.</source>
        <translation>Số hộ chiếu in trên trang khác với số trong vùng đọc máy (MRZ); đã dùng số trong MRZ (chữ số kiểm tra hợp lệ).</translation>
    </message>
    <message>
        <source>The personal ID number read from the card does not agree with the date of birth or sex printed on it: check all three.</source>
        <translation>Số định danh cá nhân đọc từ thẻ không khớp với ngày sinh hoặc giới tính in trên thẻ: hãy kiểm tra cả ba thông tin.</translation>
    </message>
</context>
<context>
    <name>IdCardQrPayload</name>
    <message>
        <source>The QR code holds %1 fields separated by &quot;|&quot;; a chip ID card&apos;s holds %2.</source>
        <translation>Mã QR có %1 trường phân cách bằng &quot;|&quot;; mã QR của thẻ căn cước gắn chip có %2 trường.</translation>
    </message>
    <message>
        <source>The QR code holds no name.</source>
        <translation>Mã QR không có họ tên.</translation>
    </message>
    <message>
        <source>The date of birth in the QR code is not a real date (ddMMyyyy).</source>
        <translation>Ngày sinh trong mã QR không phải là ngày có thật (ddMMyyyy).</translation>
    </message>
    <message>
        <source>The sex in the QR code is neither &quot;Nam&quot; nor &quot;Nữ&quot;.</source>
        <translation>Giới tính trong mã QR không phải &quot;Nam&quot; cũng không phải &quot;Nữ&quot;.</translation>
    </message>
    <message>
        <source>The issue date in the QR code is not a real date (ddMMyyyy).</source>
        <translation>Ngày cấp trong mã QR không phải là ngày có thật (ddMMyyyy).</translation>
    </message>
    <message>
        <source>The issue date in the QR code lies before the date of birth.</source>
        <translation>Ngày cấp trong mã QR trước ngày sinh.</translation>
    </message>
    <message>
        <source>The personal ID number in the QR code does not agree with its date of birth or sex (digits 4 to 6).</source>
        <translation>Số định danh cá nhân trong mã QR không khớp với ngày sinh hoặc giới tính (chữ số thứ 4 đến thứ 6).</translation>
    </message>
</context>
<context>
    <name>IdentityExtractor</name>
    <message>
        <source>No readable QR code was found; the fields come from the printed text (OCR).</source>
        <translation>Không đọc được mã QR; các trường được lấy từ chữ in trên thẻ (OCR).</translation>
    </message>
    <message>
        <source>A QR code was found but it is not a chip ID card&apos;s (%1); the fields come from the printed text (OCR).</source>
        <translation>Có mã QR nhưng không phải của thẻ căn cước gắn chip (%1); các trường được lấy từ chữ in trên thẻ (OCR).</translation>
    </message>
</context>
<context>
    <name>ImageImport</name>
    <message>
        <source>Cannot read the file %1.</source>
        <translation>Không đọc được tệp %1.</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF (damaged or password-protected).</source>
        <translation>%1 không phải là tệp PDF đọc được (tệp bị hỏng hoặc được bảo vệ bằng mật khẩu).</translation>
    </message>
    <message>
        <source>Page %1 of %2 cannot be rendered.</source>
        <translation>Không kết xuất được trang %1 của tệp %2.</translation>
    </message>
    <message>
        <source>%1 is not an image SoHoa can read (PNG, JPEG, TIFF, PNM or PDF).</source>
        <translation>%1 không phải là tệp ảnh mà SoHoa đọc được (PNG, JPEG, TIFF, PNM hoặc PDF).</translation>
    </message>
    <message>
        <source>Cannot read page %1 of %2: %3</source>
        <translation>Không đọc được trang %1 của tệp %2: %3</translation>
    </message>
    <message>
        <source>%1 is a digitally signed PDF: it can only be kept exactly as signed, not turned into pages.</source>
        <translation>%1 là tệp PDF đã ký số: chỉ có thể giữ nguyên như khi ký, không thể tách thành các trang.</translation>
    </message>
</context>
<context>
    <name>ManualDuplexOrder</name>
    <message>
        <source>The first pass had %1 sheet(s) but the second pass %2: a sheet was added, lost or fed twice. The pages scanned so far are kept; check the stack and scan again.</source>
        <translation>Lượt quét thứ nhất có %1 tờ nhưng lượt thứ hai có %2 tờ: có tờ bị thêm, bị sót hoặc bị kéo hai lần. Các trang đã quét vẫn được giữ; hãy kiểm tra xấp giấy rồi quét lại.</translation>
    </message>
</context>
<context>
    <name>OcrEngine</name>
    <message>
        <source>The OCR language data &quot;%1&quot; is not installed (package tesseract-ocr-vie).</source>
        <translation>Chưa cài đặt dữ liệu ngôn ngữ OCR &quot;%1&quot; (gói tesseract-ocr-vie).</translation>
    </message>
    <message>
        <source>There is no page image to recognize.</source>
        <translation>Không có ảnh trang nào để nhận dạng.</translation>
    </message>
    <message>
        <source>Text recognition failed on this page.</source>
        <translation>Nhận dạng chữ trên trang này không thành công.</translation>
    </message>
</context>
<context>
    <name>OcspCheck</name>
    <message>
        <source>%1 did not answer with an OCSP response</source>
        <translation>%1 không trả về phản hồi OCSP</translation>
    </message>
    <message>
        <source>%1 refused the request (%2)</source>
        <translation>%1 từ chối yêu cầu (%2)</translation>
    </message>
    <message>
        <source>the answer of %1 is not signed by the issuer or a responder it delegated to</source>
        <translation>phản hồi của %1 không do tổ chức cấp chứng thư hoặc máy chủ được ủy quyền ký</translation>
    </message>
    <message>
        <source>the answer of %1 belongs to another request</source>
        <translation>phản hồi của %1 thuộc về một yêu cầu khác</translation>
    </message>
    <message>
        <source>the answer of %1 is about another certificate</source>
        <translation>phản hồi của %1 nói về một chứng thư số khác</translation>
    </message>
    <message>
        <source>the answer of %1 is out of date</source>
        <translation>phản hồi của %1 đã hết hạn</translation>
    </message>
    <message>
        <source>%1 does not know the certificate</source>
        <translation>%1 không biết chứng thư số này</translation>
    </message>
    <message>
        <source>no OCSP request can be made for the certificate</source>
        <translation>không thể lập yêu cầu OCSP cho chứng thư số này</translation>
    </message>
    <message>
        <source>the certificate names no OCSP responder</source>
        <translation>chứng thư số không ghi máy chủ OCSP</translation>
    </message>
</context>
<context>
    <name>OfficerToken</name>
    <message>
        <source>Several signing tokens are plugged in (%1): choose one with --token.</source>
        <translation>Đang cắm nhiều thiết bị ký số (%1): hãy chọn một thiết bị bằng --token.</translation>
    </message>
    <message>
        <source>The signing token &quot;%1&quot; is not plugged in: plug it in and try again.</source>
        <translation>Thiết bị ký số &quot;%1&quot; chưa được cắm: hãy cắm vào rồi thử lại.</translation>
    </message>
    <message>
        <source>No signing token is plugged in: plug in your USB token and try again.</source>
        <translation>Chưa cắm thiết bị ký số: hãy cắm USB ký số rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>OldIdNumber</name>
    <message>
        <source>An old ID card number has %1 digits; this one has %2.</source>
        <translation>Số chứng minh nhân dân cũ có %1 chữ số; số này có %2 chữ số.</translation>
    </message>
    <message>
        <source>An old ID card number may contain only digits.</source>
        <translation>Số chứng minh nhân dân cũ chỉ được chứa chữ số.</translation>
    </message>
</context>
<context>
    <name>PageScanner</name>
    <message>
        <source>Paper jam — clear the paper, then press Continue. Pages already scanned are kept.</source>
        <translation>Giấy bị kẹt — gỡ giấy rồi bấm Tiếp tục. Các trang đã quét vẫn được giữ lại.</translation>
    </message>
    <message>
        <source>The feeder is empty — put the papers in the feeder and try again.</source>
        <translation>Khay nạp giấy đang trống — hãy đặt giấy vào khay rồi thử lại.</translation>
    </message>
    <message>
        <source>The scanner cover is open — close it and try again.</source>
        <translation>Nắp máy quét đang mở — hãy đóng nắp rồi thử lại.</translation>
    </message>
    <message>
        <source>Lost contact with the scanner — check its cable or network and try again.</source>
        <translation>Mất kết nối với máy quét — hãy kiểm tra dây cáp hoặc mạng rồi thử lại.</translation>
    </message>
    <message>
        <source>The scanner is busy (another program, or warming up) — wait a moment and try again.</source>
        <translation>Máy quét đang bận (chương trình khác đang dùng hoặc máy đang khởi động) — hãy chờ một lát rồi thử lại.</translation>
    </message>
    <message>
        <source>The scanner ran out of memory — scan fewer pages at a time or a lower resolution.</source>
        <translation>Máy quét hết bộ nhớ — hãy quét ít trang hơn mỗi lần hoặc giảm độ phân giải.</translation>
    </message>
    <message>
        <source>Access to the scanner was refused — ask IT to grant this account access.</source>
        <translation>Không có quyền truy cập máy quét — hãy đề nghị bộ phận CNTT cấp quyền cho tài khoản này.</translation>
    </message>
    <message>
        <source>Scanning was cancelled.</source>
        <translation>Đã hủy quét.</translation>
    </message>
    <message>
        <source>The scanner does not accept these settings — check the source, mode, resolution and --set options.</source>
        <translation>Máy quét không chấp nhận các thiết lập này — hãy kiểm tra nguồn giấy, chế độ màu, độ phân giải và các tùy chọn --set.</translation>
    </message>
    <message>
        <source>The scanner cannot do this (for example, it has no document feeder).</source>
        <translation>Máy quét không hỗ trợ thao tác này (ví dụ: máy không có khay nạp giấy).</translation>
    </message>
    <message>
        <source>Scanner not found — check that it is plugged in and switched on, and the device name (sohoa-cli devices).</source>
        <translation>Không tìm thấy máy quét — hãy kiểm tra máy đã được cắm điện, bật nguồn và tên thiết bị có đúng không (sohoa-cli devices).</translation>
    </message>
    <message>
        <source>The scanner reported an error — try again, or restart the scanner.</source>
        <translation>Máy quét báo lỗi — hãy thử lại hoặc khởi động lại máy quét.</translation>
    </message>
    <message>
        <source>Manual duplex needs the document feeder (adf).</source>
        <translation>Quét hai mặt thủ công cần dùng khay nạp giấy (adf).</translation>
    </message>
</context>
<context>
    <name>PageTransform</name>
    <message>
        <source>A page can be rotated by 90, 180 or 270 degrees, not %1.</source>
        <translation>Chỉ có thể xoay trang 90, 180 hoặc 270 độ, không phải %1.</translation>
    </message>
    <message>
        <source>A page can be straightened by less than 45 degrees, not %1.</source>
        <translation>Chỉ có thể chỉnh thẳng trang một góc nhỏ hơn 45 độ, không phải %1.</translation>
    </message>
    <message>
        <source>A crop area must be a non-empty rectangle inside the page.</source>
        <translation>Vùng cắt phải là một hình chữ nhật không rỗng nằm trong trang.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a page correction (rotate:&lt;degrees&gt;, deskew:&lt;degrees&gt; or crop:&lt;x&gt;,&lt;y&gt;,&lt;width&gt;,&lt;height&gt;).</source>
        <translation>&quot;%1&quot; không phải là thao tác chỉnh trang hợp lệ (rotate:&lt;số độ&gt;, deskew:&lt;số độ&gt; hoặc crop:&lt;x&gt;,&lt;y&gt;,&lt;rộng&gt;,&lt;cao&gt;).</translation>
    </message>
</context>
<context>
    <name>PassportNumber</name>
    <message>
        <source>A Vietnamese passport number is one letter followed by 7 digits.</source>
        <translation>Số hộ chiếu Việt Nam gồm một chữ cái, theo sau là 7 chữ số.</translation>
    </message>
    <message>
        <source>A passport number has %1 to %2 letters and digits, without spaces or punctuation.</source>
        <translation>Số hộ chiếu gồm từ %1 đến %2 chữ cái và chữ số, không có khoảng trắng hay dấu câu.</translation>
    </message>
</context>
<context>
    <name>PdfImageEncoder</name>
    <message>
        <source>The page image is empty.</source>
        <translation>Ảnh trang bị trống.</translation>
    </message>
    <message>
        <source>Not enough memory to convert the page image.</source>
        <translation>Không đủ bộ nhớ để chuyển đổi ảnh trang.</translation>
    </message>
    <message>
        <source>Could not encode the page image as JPEG: %1</source>
        <translation>Không nén được ảnh trang sang định dạng JPEG: %1</translation>
    </message>
    <message>
        <source>The JPEG encoder produced an unsupported image.</source>
        <translation>Bộ nén JPEG đã tạo ra ảnh không được hỗ trợ.</translation>
    </message>
    <message>
        <source>Could not compress the line-art page image (CCITT G4).</source>
        <translation>Không nén được ảnh trang đen trắng (CCITT G4).</translation>
    </message>
</context>
<context>
    <name>PdfObjectWriter</name>
    <message>
        <source>The PDF output is not open for writing.</source>
        <translation>Tệp PDF đầu ra chưa được mở để ghi.</translation>
    </message>
    <message>
        <source>Could not write the PDF: %1</source>
        <translation>Không ghi được tệp PDF: %1</translation>
    </message>
</context>
<context>
    <name>PdfSignatureProbe</name>
    <message>
        <source>%1 is protected by a password; SoHoa cannot open it.</source>
        <translation>%1 được bảo vệ bằng mật khẩu; SoHoa không mở được.</translation>
    </message>
    <message>
        <source>%1 is damaged: its PDF structure cannot be read.</source>
        <translation>%1 bị hỏng: không đọc được cấu trúc PDF.</translation>
    </message>
</context>
<context>
    <name>PdfSignatureWriter</name>
    <message>
        <source>The signature stamp needs text, a signing time and a font size.</source>
        <translation>Hình ảnh chữ ký cần có nội dung, thời gian ký và cỡ chữ.</translation>
    </message>
</context>
<context>
    <name>PdfSigner</name>
    <message>
        <source>The signing certificate cannot be read.</source>
        <translation>Không đọc được chứng thư số dùng để ký.</translation>
    </message>
</context>
<context>
    <name>PersonalId</name>
    <message>
        <source>A personal ID number may contain only digits.</source>
        <translation>Số định danh cá nhân chỉ được chứa chữ số.</translation>
    </message>
    <message>
        <source>A personal ID number has %1 digits; this one has %2.</source>
        <translation>Số định danh cá nhân có %1 chữ số; số này có %2 chữ số.</translation>
    </message>
    <message>
        <source>The first three digits of the personal ID number are not a known province code.</source>
        <translation>Ba chữ số đầu của số định danh cá nhân không khớp với mã tỉnh nào.</translation>
    </message>
    <message>
        <source>The 4th to 6th digits of the personal ID number (century, sex and birth year) give a birth year in the future.</source>
        <translation>Các chữ số thứ 4 đến thứ 6 của số định danh cá nhân (thế kỷ, giới tính và năm sinh) cho ra năm sinh ở tương lai.</translation>
    </message>
    <message>
        <source>The birth year in the personal ID number (digits 4 to 6) does not match the date of birth %1.</source>
        <translation>Năm sinh trong số định danh cá nhân (chữ số thứ 4 đến thứ 6) không khớp với ngày sinh %1.</translation>
    </message>
    <message>
        <source>The 4th digit of the personal ID number is that of a woman, but the applicant&apos;s sex is given as male.</source>
        <translation>Chữ số thứ 4 của số định danh cá nhân ứng với giới tính nữ, nhưng giới tính của người nộp hồ sơ được khai là nam.</translation>
    </message>
    <message>
        <source>The 4th digit of the personal ID number is that of a man, but the applicant&apos;s sex is given as female.</source>
        <translation>Chữ số thứ 4 của số định danh cá nhân ứng với giới tính nam, nhưng giới tính của người nộp hồ sơ được khai là nữ.</translation>
    </message>
</context>
<context>
    <name>Pkcs11Module</name>
    <message>
        <source>The token driver %1 does not exist; check the PKCS#11 module path.</source>
        <translation>Không có trình điều khiển thiết bị ký số %1; hãy kiểm tra đường dẫn trình điều khiển PKCS#11.</translation>
    </message>
    <message>
        <source>%1 is not a PKCS#11 token driver: it cannot be loaded as a library.</source>
        <translation>%1 không phải là trình điều khiển PKCS#11: không nạp được như một thư viện.</translation>
    </message>
    <message>
        <source>%1 is a library but not a PKCS#11 token driver; choose the token vendor&apos;s PKCS#11 module.</source>
        <translation>%1 là thư viện nhưng không phải trình điều khiển PKCS#11; hãy chọn trình điều khiển PKCS#11 của nhà cung cấp thiết bị ký số.</translation>
    </message>
    <message>
        <source>The token driver %1 failed to start (%2); reinstall the token vendor&apos;s software.</source>
        <translation>Trình điều khiển thiết bị ký số %1 không khởi động được (%2); hãy cài đặt lại phần mềm của nhà cung cấp thiết bị.</translation>
    </message>
</context>
<context>
    <name>PreparedSignature</name>
    <message>
        <source>The signature is empty; sign the file again.</source>
        <translation>Chữ ký trống; hãy ký lại tệp.</translation>
    </message>
    <message>
        <source>The signature is %1 bytes but the PDF has room for %2; sign again with more room reserved.</source>
        <translation>Chữ ký dài %1 byte nhưng tệp PDF chỉ dành chỗ cho %2 byte; hãy ký lại với chỗ dành lớn hơn.</translation>
    </message>
    <message>
        <source>The signature is no longer the last change of the file, so its container cannot be rewritten.</source>
        <translation>Chữ ký không còn là thay đổi cuối cùng của tệp nên không thể ghi lại khối chữ ký.</translation>
    </message>
</context>
<context>
    <name>ProcedureCode</name>
    <message>
        <source>The procedure code &quot;%1&quot; does not start with a digit, a dot and six digits (like 1.001193).</source>
        <translation>Mã thủ tục &quot;%1&quot; không bắt đầu bằng một chữ số, một dấu chấm và sáu chữ số (ví dụ 1.001193).</translation>
    </message>
    <message>
        <source>The procedure code &quot;%1&quot; has extra characters after the six digits.</source>
        <translation>Mã thủ tục &quot;%1&quot; có ký tự thừa sau sáu chữ số.</translation>
    </message>
    <message>
        <source>The procedure code &quot;%1&quot; ends in an invalid agency code: %2</source>
        <translation>Mã thủ tục &quot;%1&quot; kết thúc bằng mã cơ quan không hợp lệ: %2</translation>
    </message>
</context>
<context>
    <name>ProvinceSettings</name>
    <message>
        <source>%1.%2 must be between %3 and %4.</source>
        <translation>%1.%2 phải nằm trong khoảng %3 đến %4.</translation>
    </message>
    <message>
        <source>tsa_url must be an http:// or https:// address.</source>
        <translation>tsa_url phải là một địa chỉ http:// hoặc https://.</translation>
    </message>
</context>
<context>
    <name>QuickUnlock</name>
    <message>
        <source>Quick unlock belongs to an officer: unlock with your own passphrase first.</source>
        <translation>Mở khóa nhanh gắn với từng cán bộ: hãy mở khóa bằng mật khẩu của chính mình trước.</translation>
    </message>
    <message>
        <source>The system keyring is not available (%1); quick unlock stays off.</source>
        <translation>Kho khóa của hệ thống không dùng được (%1); mở khóa nhanh vẫn tắt.</translation>
    </message>
</context>
<context>
    <name>ResultCode</name>
    <message>
        <source>The result code &quot;%1&quot; is not of the form KQ.&lt;ministry code&gt;.&lt;6 digits&gt; (like KQ.G15.000031).</source>
        <translation>Mã kết quả &quot;%1&quot; không đúng dạng KQ.&lt;mã bộ, ngành&gt;.&lt;6 chữ số&gt; (ví dụ KQ.G15.000031).</translation>
    </message>
</context>
<context>
    <name>Retention</name>
    <message>
        <source>The retention period cannot be negative.</source>
        <translation>Thời hạn lưu giữ không thể là số âm.</translation>
    </message>
</context>
<context>
    <name>RevocationChecker</name>
    <message>
        <source>&quot;%1&quot;: OCSP: %2 CRL: %3</source>
        <translation>&quot;%1&quot;: OCSP: %2 CRL: %3</translation>
    </message>
</context>
<context>
    <name>ScanProfile</name>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 phải là số nguyên từ %2 đến %3.</translation>
    </message>
    <message>
        <source>%1 must be on or off.</source>
        <translation>%1 phải là on hoặc off.</translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation>%1 phải là một trong: %2.</translation>
    </message>
    <message>
        <source>A profile name has 1 to %1 characters.</source>
        <translation>Tên cấu hình có từ 1 đến %1 ký tự.</translation>
    </message>
    <message>
        <source>%1 must be a number from 0 to %2 (the share of the page in ink).</source>
        <translation>%1 phải là số từ 0 đến %2 (tỷ lệ diện tích trang có mực).</translation>
    </message>
    <message>
        <source>Unknown profile setting %1; the settings are: %2.</source>
        <translation>Không có thiết lập %1; các thiết lập là: %2.</translation>
    </message>
    <message>
        <source>A profile ID has 1 to 32 characters: lower-case ASCII letters, digits and hyphens, starting with a letter (e.g. van-ban).</source>
        <translation>Mã cấu hình có từ 1 đến 32 ký tự: chữ thường không dấu, chữ số và dấu gạch ngang, bắt đầu bằng một chữ cái (ví dụ van-ban).</translation>
    </message>
</context>
<context>
    <name>ScanProfileBuiltIns</name>
    <message>
        <source>Administrative papers</source>
        <translation>Giấy tờ hành chính</translation>
    </message>
    <message>
        <source>Maps and drawings</source>
        <translation>Bản đồ, bản vẽ</translation>
    </message>
    <message>
        <source>ID card on the flatbed</source>
        <translation>Thẻ căn cước trên mặt kính</translation>
    </message>
    <message>
        <source>Thick dossier on the feeder</source>
        <translation>Hồ sơ dày qua khay nạp giấy</translation>
    </message>
</context>
<context>
    <name>ScanProfileCompliance</name>
    <message>
        <source>%1 dpi is below the %2 dpi Circular 05/2025 asks for maps and drawings.</source>
        <translation>%1 dpi thấp hơn mức %2 dpi mà Thông tư 05/2025 yêu cầu cho bản đồ, bản vẽ.</translation>
    </message>
    <message>
        <source>%1 dpi is below the %2 dpi Circular 05/2025 asks for administrative papers.</source>
        <translation>%1 dpi thấp hơn mức %2 dpi mà Thông tư 05/2025 yêu cầu cho giấy tờ hành chính.</translation>
    </message>
    <message>
        <source>Circular 05/2025 asks for 24-bit colour, as the original; this scan is grey.</source>
        <translation>Thông tư 05/2025 yêu cầu quét màu 24 bit, đúng như bản gốc; lần quét này là thang xám.</translation>
    </message>
    <message>
        <source>Circular 05/2025 asks for 24-bit colour, as the original; this scan is black and white (line art).</source>
        <translation>Thông tư 05/2025 yêu cầu quét màu 24 bit, đúng như bản gốc; lần quét này là đen trắng.</translation>
    </message>
    <message>
        <source>Warning: %1 The scan goes on.</source>
        <translation>Cảnh báo: %1 Vẫn tiếp tục quét.</translation>
    </message>
    <message>
        <source>Profiles are locked by the administrator, so a scan may not be set below the circular: %1 Choose a profile, or ask the administrator.</source>
        <translation>Quản trị viên đã khóa các cấu hình quét nên không được đặt mức quét thấp hơn thông tư: %1 Hãy chọn một cấu hình quét, hoặc hỏi quản trị viên.</translation>
    </message>
    <message>
        <source>Profiles are locked by the administrator, so the device option %1 (resolution or colour) may not be set by hand. Choose a profile, or ask the administrator.</source>
        <translation>Quản trị viên đã khóa các cấu hình quét nên không được tự đặt tùy chọn thiết bị %1 (độ phân giải hoặc màu). Hãy chọn một cấu hình quét, hoặc hỏi quản trị viên.</translation>
    </message>
</context>
<context>
    <name>ScanProfileRepository</name>
    <message>
        <source>The stored scan profiles are unreadable.</source>
        <translation>Không đọc được các cấu hình quét đã lưu.</translation>
    </message>
    <message>
        <source>The scan profiles are locked: only the administrator, who opens the store with the agency recovery key, may change them.</source>
        <translation>Các cấu hình quét đã bị khóa: chỉ quản trị viên, người mở kho dữ liệu bằng khóa khôi phục của cơ quan, mới được sửa.</translation>
    </message>
    <message>
        <source>There is no scan profile %1.</source>
        <translation>Không có cấu hình quét %1.</translation>
    </message>
    <message>
        <source>A scan profile %1 exists already.</source>
        <translation>Đã có cấu hình quét %1.</translation>
    </message>
    <message>
        <source>%1 is not a built-in profile: there is nothing to reset it to.</source>
        <translation>%1 không phải cấu hình có sẵn: không có gì để khôi phục về.</translation>
    </message>
    <message>
        <source>Only the administrator, who opens the store with the agency recovery key, may lock or unlock the scan profiles.</source>
        <translation>Chỉ quản trị viên, người mở kho dữ liệu bằng khóa khôi phục của cơ quan, mới được khóa hoặc mở khóa các cấu hình quét.</translation>
    </message>
</context>
<context>
    <name>SearchablePdfWriter</name>
    <message>
        <source>Cannot add an empty page image to the PDF.</source>
        <translation>Không thể thêm ảnh trang trống vào tệp PDF.</translation>
    </message>
    <message>
        <source>Cannot add a page with a resolution of %1 dpi to the PDF.</source>
        <translation>Không thể thêm trang có độ phân giải %1 dpi vào tệp PDF.</translation>
    </message>
    <message>
        <source>A %1 x %2 pixel image at %3 dpi is larger than a PDF page may be.</source>
        <translation>Ảnh %1 x %2 điểm ảnh ở độ phân giải %3 dpi vượt quá kích thước tối đa của một trang PDF.</translation>
    </message>
    <message>
        <source>Cannot write a PDF without pages.</source>
        <translation>Không thể ghi tệp PDF không có trang nào.</translation>
    </message>
</context>
<context>
    <name>SignDossier</name>
    <message>
        <source>No dossier %1 in this store.</source>
        <translation>Kho dữ liệu này không có hồ sơ %1.</translation>
    </message>
    <message>
        <source>Dossier %1 has no digitized document to sign.</source>
        <translation>Hồ sơ %1 không có tài liệu số hóa nào để ký.</translation>
    </message>
</context>
<context>
    <name>SignatureEncoding</name>
    <message>
        <source>The token returned a malformed ECDSA signature; sign again, and replace the token if this repeats.</source>
        <translation>Thiết bị ký số trả về chữ ký ECDSA sai định dạng; hãy ký lại, và thay thiết bị nếu lỗi lặp lại.</translation>
    </message>
</context>
<context>
    <name>SignatureVerdicts</name>
    <message>
        <source>an unknown signer</source>
        <translation>một người ký không xác định</translation>
    </message>
    <message>
        <source>The signature of %1 is broken: the signed content or the signature does not match. Do not rely on this document.</source>
        <translation>Chữ ký của %1 không hợp lệ: nội dung đã ký hoặc chữ ký không khớp. Không được sử dụng tài liệu này.</translation>
    </message>
    <message>
        <source>%1 signed an earlier version; the document was changed afterwards. Ask the sender for the signed original.</source>
        <translation>%1 đã ký một phiên bản trước; tài liệu bị thay đổi sau khi ký. Hãy đề nghị người gửi cung cấp bản gốc đã ký.</translation>
    </message>
    <message>
        <source>Valid signature of %1; only further signatures were added after it.</source>
        <translation>Chữ ký của %1 hợp lệ; sau đó chỉ có thêm các chữ ký khác.</translation>
    </message>
    <message>
        <source>Valid signature of %1; the document is unchanged since.</source>
        <translation>Chữ ký của %1 hợp lệ; tài liệu không bị thay đổi kể từ khi ký.</translation>
    </message>
    <message>
        <source>The signature of %1 is intact, but its certificate does not come from a trusted authority; import the authority&apos;s root certificate if you trust it.</source>
        <translation>Chữ ký của %1 nguyên vẹn, nhưng chứng thư số không do tổ chức được tin cậy cấp; hãy nhập chứng thư số gốc của tổ chức đó nếu tin cậy.</translation>
    </message>
    <message>
        <source>The signature of %1 is intact, but its certificate had expired at the signing time.</source>
        <translation>Chữ ký của %1 nguyên vẹn, nhưng chứng thư số đã hết hạn vào thời điểm ký.</translation>
    </message>
    <message>
        <source>The signature of %1 is intact, but its certificate was not yet valid at the signing time.</source>
        <translation>Chữ ký của %1 nguyên vẹn, nhưng chứng thư số chưa có hiệu lực vào thời điểm ký.</translation>
    </message>
    <message>
        <source>The signature of %1 is intact, but its certificate is not meant for signing.</source>
        <translation>Chữ ký của %1 nguyên vẹn, nhưng chứng thư số không dùng để ký.</translation>
    </message>
    <message>
        <source>The signature of %1 is intact, but its certificate chain cannot be verified.</source>
        <translation>Chữ ký của %1 nguyên vẹn, nhưng không xác minh được chuỗi chứng thư số.</translation>
    </message>
    <message>
        <source>The document carries no digital signature.</source>
        <translation>Tài liệu không có chữ ký số.</translation>
    </message>
    <message>
        <source>At least one signature is broken; do not rely on this document.</source>
        <translation>Có ít nhất một chữ ký không hợp lệ; không được sử dụng tài liệu này.</translation>
    </message>
    <message>
        <source>The document was changed after it was signed; ask the sender for the signed original.</source>
        <translation>Tài liệu bị thay đổi sau khi ký; hãy đề nghị người gửi cung cấp bản gốc đã ký.</translation>
    </message>
    <message>
        <source>The signatures are intact, but a signer&apos;s certificate cannot be trusted; see each signature.</source>
        <translation>Các chữ ký nguyên vẹn, nhưng có chứng thư số của người ký không được tin cậy; xem từng chữ ký.</translation>
    </message>
    <message numerus="yes">
        <source>All %n signature(s) are valid.</source>
        <translation>
            <numerusform>Cả %n chữ ký đều hợp lệ.</numerusform>
        </translation>
    </message>
    <message>
        <source>The certificate of %1 had been revoked on %2, before the signing time the signature gives. Do not rely on this document.</source>
        <translation>Chứng thư số của %1 đã bị thu hồi ngày %2, trước thời điểm ký ghi trong chữ ký. Không dựa vào tài liệu này.</translation>
    </message>
    <message>
        <source>Valid signature of %1, time-stamped before its certificate was revoked on %2.</source>
        <translation>Chữ ký hợp lệ của %1, có dấu thời gian trước khi chứng thư số bị thu hồi ngày %2.</translation>
    </message>
    <message>
        <source>The signature of %1 is intact, but whether its certificate was revoked cannot be checked. %2</source>
        <translation>Chữ ký của %1 còn nguyên vẹn nhưng không kiểm tra được chứng thư số có bị thu hồi hay không. %2</translation>
    </message>
    <message>
        <source>The signature of %1 is intact, but its certificate was revoked on %2 and no trusted time-stamp proves the signature older.</source>
        <translation>Chữ ký của %1 còn nguyên vẹn nhưng chứng thư số đã bị thu hồi ngày %2 và không có dấu thời gian tin cậy chứng minh chữ ký có trước.</translation>
    </message>
    <message>
        <source>A signer&apos;s certificate had been revoked when it signed; do not rely on this document.</source>
        <translation>Chứng thư số của một người ký đã bị thu hồi khi ký; không dựa vào tài liệu này.</translation>
    </message>
</context>
<context>
    <name>SigningCertificateChoice</name>
    <message>
        <source>The token holds no certificate with ID %1; list the token&apos;s certificates to see their IDs.</source>
        <translation>Thiết bị ký số không có chứng thư số mang mã %1; hãy liệt kê các chứng thư số trên thiết bị để xem mã.</translation>
    </message>
    <message>
        <source>The certificate of %1 has no private key on the token, so it cannot sign; choose another certificate.</source>
        <translation>Chứng thư số của %1 không có khóa bí mật trên thiết bị nên không ký được; hãy chọn chứng thư số khác.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not meant for signing (its key usage allows neither digital signatures nor non-repudiation); choose another certificate.</source>
        <translation>Chứng thư số của %1 không dùng để ký (mục đích sử dụng khóa không cho phép ký số hay chống chối bỏ); hãy chọn chứng thư số khác.</translation>
    </message>
    <message>
        <source>The certificate of %1 expired on %2; ask the certificate provider to renew it.</source>
        <translation>Chứng thư số của %1 đã hết hạn ngày %2; hãy đề nghị nhà cung cấp dịch vụ chứng thực gia hạn.</translation>
    </message>
    <message>
        <source>The certificate of %1 is valid only from %2; check this computer&apos;s clock.</source>
        <translation>Chứng thư số của %1 chỉ có hiệu lực từ %2; hãy kiểm tra đồng hồ của máy tính.</translation>
    </message>
    <message>
        <source>The token holds no valid signing certificate with a private key; ask the certificate provider for one.</source>
        <translation>Thiết bị ký số không có chứng thư số ký còn hiệu lực kèm khóa bí mật; hãy liên hệ nhà cung cấp dịch vụ chứng thực.</translation>
    </message>
    <message>
        <source>The token holds several valid signing certificates; choose one by its ID: %1.</source>
        <translation>Thiết bị ký số có nhiều chứng thư số ký còn hiệu lực; hãy chọn một chứng thư số theo mã: %1.</translation>
    </message>
</context>
<context>
    <name>SigningTarget</name>
    <message>
        <source>%1 is encrypted; SoHoa signs only PDFs without a password or restrictions.</source>
        <translation>%1 đã được mã hóa; SoHoa chỉ ký tệp PDF không có mật khẩu hay giới hạn quyền.</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be signed; scan or export the document again.</source>
        <translation>%1 bị hỏng, không ký được; hãy quét hoặc xuất lại tài liệu.</translation>
    </message>
</context>
<context>
    <name>SoftwareKeySigner</name>
    <message>
        <source>The software key could not sign; create the test signing identity again.</source>
        <translation>Khóa phần mềm không ký được; hãy tạo lại danh tính ký thử nghiệm.</translation>
    </message>
    <message>
        <source>The software signing key cannot be read; create the test signing identity again.</source>
        <translation>Không đọc được khóa ký phần mềm; hãy tạo lại danh tính ký thử nghiệm.</translation>
    </message>
    <message>
        <source>The software signing key does not belong to its certificate; create the test signing identity again.</source>
        <translation>Khóa ký phần mềm không khớp với chứng thư số của nó; hãy tạo lại danh tính ký thử nghiệm.</translation>
    </message>
    <message>
        <source>The software signing key is neither RSA nor EC; create the test signing identity again.</source>
        <translation>Khóa ký phần mềm không phải RSA hay EC; hãy tạo lại danh tính ký thử nghiệm.</translation>
    </message>
</context>
<context>
    <name>StoreAccess</name>
    <message>
        <source>The passphrase is too short: use at least 8 characters.</source>
        <translation>Mật khẩu quá ngắn: hãy dùng ít nhất 8 ký tự.</translation>
    </message>
    <message>
        <source>Wrong passphrase: the store stays locked.</source>
        <translation>Sai mật khẩu: kho dữ liệu vẫn bị khóa.</translation>
    </message>
    <message>
        <source>A store already exists there; it was left untouched.</source>
        <translation>Tại đó đã có kho dữ liệu; kho hiện có được giữ nguyên.</translation>
    </message>
    <message>
        <source>There is no store (or no key file beside it) at that path.</source>
        <translation>Không có kho dữ liệu (hoặc tệp khóa đi kèm) tại đường dẫn đó.</translation>
    </message>
    <message>
        <source>The store&apos;s key file is damaged; restore it from the backup.</source>
        <translation>Tệp khóa của kho dữ liệu bị hỏng; hãy khôi phục tệp khóa từ bản sao lưu.</translation>
    </message>
    <message>
        <source>The key file does not open this store: the files do not belong together or the store was altered.</source>
        <translation>Tệp khóa không mở được kho dữ liệu này: hai tệp không đi cùng nhau hoặc kho dữ liệu đã bị thay đổi.</translation>
    </message>
    <message>
        <source>The encryption library (SQLCipher) is missing; refusing to store data unencrypted.</source>
        <translation>Thiếu thư viện mã hóa (SQLCipher); không lưu dữ liệu ở dạng không mã hóa.</translation>
    </message>
    <message>
        <source>The store is damaged; run &quot;sohoa-cli store check&quot; and restore a backup.</source>
        <translation>Kho dữ liệu bị hỏng; hãy chạy &quot;sohoa-cli store check&quot; và khôi phục từ bản sao lưu.</translation>
    </message>
    <message>
        <source>The store cannot be written (read-only file or folder).</source>
        <translation>Không ghi được vào kho dữ liệu (tệp hoặc thư mục chỉ cho phép đọc).</translation>
    </message>
    <message>
        <source>The disk is full; nothing was saved. Free some space and try again.</source>
        <translation>Ổ đĩa đã đầy; chưa có gì được lưu. Hãy giải phóng dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <source>Another SoHoa program is using the store; close it and try again.</source>
        <translation>Một chương trình SoHoa khác đang dùng kho dữ liệu; hãy đóng chương trình đó rồi thử lại.</translation>
    </message>
    <message>
        <source>The change conflicts with what the store already holds; nothing was saved.</source>
        <translation>Thay đổi này xung đột với dữ liệu đã có trong kho; chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>Reading or writing the store failed; nothing was saved.</source>
        <translation>Đọc hoặc ghi kho dữ liệu không thành công; chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>The store reported an internal error; nothing was saved.</source>
        <translation>Kho dữ liệu báo lỗi nội bộ; chưa có gì được lưu.</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong passphrase(s) in a row: wait %1 s before trying again.</source>
        <translation>
            <numerusform>Đã nhập sai mật khẩu %n lần liên tiếp: hãy chờ %1 giây rồi thử lại.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreKeys</name>
    <message>
        <source>The agency&apos;s recovery slot cannot be removed.</source>
        <translation>Không thể xóa khe khóa khôi phục của cơ quan.</translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message>
        <source>Dossier %1 is not in conflict with the provincial hub.</source>
        <translation>Hồ sơ %1 không xung đột với máy chủ tỉnh.</translation>
    </message>
    <message>
        <source>The provincial hub&apos;s copy of dossier %1 is not known yet: sync first, then settle the conflict.</source>
        <translation>Chưa biết bản của hồ sơ %1 trên máy chủ tỉnh: hãy đồng bộ trước, rồi xử lý xung đột.</translation>
    </message>
    <message>
        <source>Dossier %1 cannot take &quot;%2&quot; once it is &quot;%3&quot;; nothing was changed. Accept the provincial hub&apos;s version instead.</source>
        <translation>Hồ sơ %1 không thể thực hiện &quot;%2&quot; khi đã ở trạng thái &quot;%3&quot;; không có gì thay đổi. Hãy chấp nhận phiên bản của máy chủ tỉnh.</translation>
    </message>
    <message>
        <source>the documents of %1</source>
        <translation>các tệp của %1</translation>
    </message>
    <message>
        <source>Dossier %1 has no unsent change to make again: accept the provincial hub&apos;s version.</source>
        <translation>Hồ sơ %1 không có thay đổi chưa gửi nào để thực hiện lại: hãy chấp nhận phiên bản của máy chủ tỉnh.</translation>
    </message>
</context>
<context>
    <name>TaxCode</name>
    <message>
        <source>A tax code may contain only digits, and a hyphen before a branch number.</source>
        <translation>Mã số thuế chỉ được chứa chữ số, và một dấu gạch ngang trước mã chi nhánh.</translation>
    </message>
    <message>
        <source>A personal ID number used as a tax code has no branch number.</source>
        <translation>Số định danh cá nhân dùng làm mã số thuế không có mã chi nhánh.</translation>
    </message>
    <message>
        <source>A 12-digit tax code must be a valid personal ID number. %1</source>
        <translation>Mã số thuế 12 chữ số phải là số định danh cá nhân hợp lệ. %1</translation>
    </message>
    <message>
        <source>A tax code has 10 digits (or the 12 digits of a personal ID number); this one has %1.</source>
        <translation>Mã số thuế có 10 chữ số (hoặc 12 chữ số nếu là số định danh cá nhân); mã này có %1 chữ số.</translation>
    </message>
    <message>
        <source>The first nine digits of the tax code cannot form a valid tax code.</source>
        <translation>Chín chữ số đầu của mã số thuế không tạo thành mã số thuế hợp lệ.</translation>
    </message>
    <message>
        <source>The check digit (10th digit) of the tax code is wrong.</source>
        <translation>Chữ số kiểm tra (chữ số thứ 10) của mã số thuế không đúng.</translation>
    </message>
    <message>
        <source>The branch number after the tax code&apos;s hyphen must be 001 to 999.</source>
        <translation>Mã chi nhánh sau dấu gạch ngang của mã số thuế phải từ 001 đến 999.</translation>
    </message>
</context>
<context>
    <name>TimestampExchange</name>
    <message>
        <source>%1 did not answer with a time-stamp; check the time-stamp server address in the settings.</source>
        <translation>%1 không trả về dấu thời gian; hãy kiểm tra địa chỉ máy chủ cấp dấu thời gian trong phần thiết lập.</translation>
    </message>
    <message>
        <source>%1 refused the time-stamp (status %2: %3); ask its operator or choose another time-stamp server.</source>
        <translation>%1 từ chối cấp dấu thời gian (trạng thái %2: %3); hãy liên hệ đơn vị vận hành hoặc chọn máy chủ cấp dấu thời gian khác.</translation>
    </message>
    <message>
        <source>The time-stamp from %1 is not valid for this signature; check the time-stamp server address in the settings.</source>
        <translation>Dấu thời gian từ %1 không hợp lệ cho chữ ký này; hãy kiểm tra địa chỉ máy chủ cấp dấu thời gian trong phần thiết lập.</translation>
    </message>
</context>
<context>
    <name>TokenDirectory</name>
    <message>
        <source>list its slotIds</source>
        <translation>liệt kê các khe cắm</translation>
    </message>
    <message>
        <source>describe itself</source>
        <translation>cung cấp thông tin thiết bị</translation>
    </message>
    <message>
        <source>Several tokens are plugged in (%1); choose one by its label.</source>
        <translation>Đang cắm nhiều thiết bị ký số (%1); hãy chọn một thiết bị theo nhãn.</translation>
    </message>
    <message>
        <source>No token labelled &quot;%1&quot; is plugged in; plug it in or check the label.</source>
        <translation>Không có thiết bị ký số mang nhãn &quot;%1&quot; đang được cắm; hãy cắm vào hoặc kiểm tra lại nhãn.</translation>
    </message>
</context>
<context>
    <name>TokenErrors</name>
    <message>
        <source>The token was removed; plug it back in and sign again.</source>
        <translation>Thiết bị ký số đã bị rút ra; hãy cắm lại rồi ký lại.</translation>
    </message>
    <message>
        <source>No token is plugged in; plug in your signing token and try again.</source>
        <translation>Chưa cắm thiết bị ký số; hãy cắm thiết bị ký số rồi thử lại.</translation>
    </message>
    <message>
        <source>The token reported a device error; unplug it, plug it back in and try again.</source>
        <translation>Thiết bị ký số báo lỗi; hãy rút ra, cắm lại rồi thử lại.</translation>
    </message>
    <message>
        <source>The token is locked; ask the certificate provider to unlock it.</source>
        <translation>Thiết bị ký số đã bị khóa; hãy đề nghị nhà cung cấp dịch vụ chứng thực mở khóa.</translation>
    </message>
    <message>
        <source>The token&apos;s PIN has expired; change it with the token vendor&apos;s tool, then sign again.</source>
        <translation>Mã PIN của thiết bị ký số đã hết hạn; hãy đổi mã PIN bằng công cụ của nhà cung cấp rồi ký lại.</translation>
    </message>
    <message>
        <source>The token has no user PIN yet; set one with the token vendor&apos;s tool.</source>
        <translation>Thiết bị ký số chưa có mã PIN người dùng; hãy đặt mã PIN bằng công cụ của nhà cung cấp.</translation>
    </message>
    <message>
        <source>Wrong PIN; check it and try again.</source>
        <translation>Sai mã PIN; hãy kiểm tra rồi thử lại.</translation>
    </message>
    <message>
        <source>The token could not %1: %2.</source>
        <translation>Thiết bị ký số không thể %1: %2.</translation>
    </message>
    <message>
        <source>log in</source>
        <translation>đăng nhập</translation>
    </message>
    <message>
        <source>Wrong PIN; one try is left before the token locks.</source>
        <translation>Sai mã PIN; chỉ còn một lần thử trước khi thiết bị ký số bị khóa.</translation>
    </message>
    <message>
        <source>Wrong PIN; only a few tries are left before the token locks.</source>
        <translation>Sai mã PIN; chỉ còn vài lần thử trước khi thiết bị ký số bị khóa.</translation>
    </message>
</context>
<context>
    <name>TokenKeySigner</name>
    <message>
        <source>The key of %1 is neither RSA nor EC, so SoHoa cannot sign with it; choose another certificate.</source>
        <translation>Khóa của %1 không phải RSA hay EC nên SoHoa không ký được; hãy chọn chứng thư số khác.</translation>
    </message>
    <message>
        <source>sign</source>
        <translation>ký số</translation>
    </message>
</context>
<context>
    <name>TokenObjects</name>
    <message>
        <source>search its objects</source>
        <translation>tìm các đối tượng trên thiết bị</translation>
    </message>
    <message>
        <source>read an object&apos;s attributes</source>
        <translation>đọc thuộc tính của đối tượng</translation>
    </message>
</context>
<context>
    <name>TokenSession</name>
    <message>
        <source>open a session</source>
        <translation>mở phiên làm việc</translation>
    </message>
    <message>
        <source>The token needs its PIN; enter it and try again.</source>
        <translation>Thiết bị ký số cần mã PIN; hãy nhập mã PIN rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>TrueTypeFont</name>
    <message>
        <source>The font file %1 cannot be read: %2. Choose an installed TrueType font in the settings.</source>
        <translation>Không đọc được tệp phông chữ %1: %2. Hãy chọn một phông chữ TrueType đã cài đặt trong phần thiết lập.</translation>
    </message>
    <message>
        <source>The font file %1 cannot be used (%2). Choose a TrueType font (.ttf) in the settings.</source>
        <translation>Không dùng được tệp phông chữ %1 (%2). Hãy chọn phông chữ TrueType (.ttf) trong phần thiết lập.</translation>
    </message>
</context>
<context>
    <name>TrustAnchors</name>
    <message>
        <source>Trust anchor %1 is not a DER certificate; import the root certificate file again.</source>
        <translation>Chứng thư số tin cậy %1 không phải chứng thư số dạng DER; hãy nhập lại tệp chứng thư số gốc.</translation>
    </message>
    <message>
        <source>The trust anchor file holds no PEM certificate.</source>
        <translation>Tệp chứng thư số tin cậy không chứa chứng thư số PEM nào.</translation>
    </message>
</context>
<context>
    <name>WorkstationSettings</name>
    <message>
        <source>Unknown setting %1.</source>
        <translation>Không có thiết lập %1.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 phải nằm trong khoảng từ %2 đến %3.</translation>
    </message>
    <message numerus="yes">
        <source>The province keeps delivered files at most %n day(s) on a workstation.</source>
        <translation>
            <numerusform>Tỉnh chỉ cho phép giữ tệp đã chuyển tối đa %n ngày trên máy trạm.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sohoa::imaging</name>
    <message>
        <source>The scanner delivered an unusable image (%1).</source>
        <translation>Máy quét trả về ảnh không dùng được (%1).</translation>
    </message>
    <message>
        <source>Not enough memory for a scanned page of %1 × %2 pixels.</source>
        <translation>Không đủ bộ nhớ cho trang quét kích thước %1 × %2 điểm ảnh.</translation>
    </message>
</context>
<context>
    <name>sohoa::ui::ConflictsDialog</name>
    <message>
        <source>SoHoa — conflicts with the provincial hub</source>
        <translation>SoHoa — xung đột với máy chủ tỉnh</translation>
    </message>
    <message>
        <source>Take the hub&apos;s version</source>
        <translation>Lấy phiên bản của máy chủ tỉnh</translation>
    </message>
    <message>
        <source>Make my changes again</source>
        <translation>Thực hiện lại thay đổi của tôi</translation>
    </message>
    <message>
        <source>No dossier is in conflict with the provincial hub.</source>
        <translation>Không có hồ sơ nào xung đột với máy chủ tỉnh.</translation>
    </message>
    <message>
        <source>On this counter: %1 (version %2)</source>
        <translation>Tại quầy này: %1 (phiên bản %2)</translation>
    </message>
    <message>
        <source>On the hub: %1 (version %2)</source>
        <translation>Trên máy chủ tỉnh: %1 (phiên bản %2)</translation>
    </message>
    <message>
        <source>On the hub: not known yet (sync first)</source>
        <translation>Trên máy chủ tỉnh: chưa biết (hãy đồng bộ trước)</translation>
    </message>
    <message>
        <source>Not sent:</source>
        <translation>Chưa gửi:</translation>
    </message>
</context>
<context>
    <name>sohoa::ui::DossierTableModel</name>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
</context>
<context>
    <name>sohoa::ui::EnrolDialog</name>
    <message>
        <source>SoHoa — enrol with the provincial hub</source>
        <translation>SoHoa — đăng ký máy trạm với máy chủ tỉnh</translation>
    </message>
    <message>
        <source>Enter the hub&apos;s address and the one-time enrolment code the province gave for this workstation.</source>
        <translation>Nhập địa chỉ máy chủ tỉnh và mã đăng ký dùng một lần mà tỉnh cấp cho máy trạm này.</translation>
    </message>
    <message>
        <source>Hub address:</source>
        <translation>Địa chỉ máy chủ:</translation>
    </message>
    <message>
        <source>Enrolment code:</source>
        <translation>Mã đăng ký:</translation>
    </message>
    <message>
        <source>Workstation name:</source>
        <translation>Tên máy trạm:</translation>
    </message>
    <message>
        <source>only for a hub with its own CA</source>
        <translation>chỉ khi máy chủ dùng CA riêng</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>Chứng thư CA:</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <source>The hub&apos;s CA certificate</source>
        <translation>Chứng thư CA của máy chủ tỉnh</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>Chứng thư PEM (*.pem *.crt)</translation>
    </message>
    <message>
        <source>The hub&apos;s address starts with https://, e.g. https://hub.example.vn.</source>
        <translation>Địa chỉ máy chủ phải bắt đầu bằng https://, ví dụ https://hub.example.vn.</translation>
    </message>
    <message>
        <source>Cannot read %1 (%2).</source>
        <translation>Không đọc được %1 (%2).</translation>
    </message>
</context>
<context>
    <name>sohoa::ui::MainWindow</name>
    <message>
        <source>SoHoa — dossier digitization</source>
        <translation>SoHoa — số hóa hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Dossiers</source>
        <translation>&amp;Hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s)</source>
        <translation>
            <numerusform>%n hồ sơ</numerusform>
        </translation>
    </message>
    <message>
        <source>The store is locked. Dossiers are hidden until it is unlocked again.</source>
        <translation>Kho dữ liệu đang khóa. Các hồ sơ được ẩn cho đến khi mở khóa lại.</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Mở khóa…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Khóa</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Thiết lập</translation>
    </message>
    <message>
        <source>Unlock with my &amp;login session (system keyring)</source>
        <translation>Mở khóa theo &amp;phiên đăng nhập của tôi (kho khóa hệ thống)</translation>
    </message>
    <message numerus="yes">
        <source>Removed the local files of %n dossier(s) the province already holds.</source>
        <translation>
            <numerusform>Đã xóa tệp lưu tại máy của %n hồ sơ mà tỉnh đã nhận.</numerusform>
        </translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>Đồng &amp;bộ</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Đồng bộ &amp;ngay</translation>
    </message>
    <message>
        <source>&amp;Enrol with the provincial hub…</source>
        <translation>Đăng &amp;ký với máy chủ tỉnh…</translation>
    </message>
    <message>
        <source>Settle &amp;conflicts with the hub…</source>
        <translation>Xử lý &amp;xung đột với máy chủ tỉnh…</translation>
    </message>
</context>
<context>
    <name>sohoa::ui::SyncStatusLabel</name>
    <message>
        <source>Not enrolled with the provincial hub</source>
        <translation>Chưa đăng ký với máy chủ tỉnh</translation>
    </message>
    <message>
        <source>Syncing %1/%2</source>
        <translation>Đang đồng bộ %1/%2</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n change(s) queued</source>
        <translation>
            <numerusform>Mất kết nối: %n thay đổi đang chờ gửi</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync error: %1</source>
        <translation>Lỗi đồng bộ: %1</translation>
    </message>
    <message>
        <source>Up to date (%1)</source>
        <translation>Đã đồng bộ đầy đủ (%1)</translation>
    </message>
    <message numerus="yes">
        <source> — %n change(s) refused or in conflict</source>
        <translation>
            <numerusform> — %n thay đổi bị từ chối hoặc xung đột</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync paused while locked</source>
        <translation>Tạm dừng đồng bộ khi khóa</translation>
    </message>
    <message>
        <source> — this computer&apos;s clock is %1 min off the hub&apos;s: correct it</source>
        <translation> — đồng hồ máy này lệch %1 phút so với máy chủ tỉnh: hãy chỉnh lại</translation>
    </message>
</context>
<context>
    <name>sohoa::ui::UnlockDialog</name>
    <message>
        <source>SoHoa — create the encrypted store</source>
        <translation>SoHoa — tạo kho dữ liệu mã hóa</translation>
    </message>
    <message>
        <source>SoHoa — unlock</source>
        <translation>SoHoa — mở khóa</translation>
    </message>
    <message>
        <source>Choose a passphrase for the new store %1.</source>
        <translation>Chọn mật khẩu cho kho dữ liệu mới %1.</translation>
    </message>
    <message>
        <source>Enter the passphrase of the store %1.</source>
        <translation>Nhập mật khẩu của kho dữ liệu %1.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Hai mật khẩu không khớp nhau.</translation>
    </message>
</context>
</TS>
